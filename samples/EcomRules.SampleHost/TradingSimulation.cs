using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Calendars;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.SampleHost;

/// <summary>
/// Runs a trading period for one shop through <see cref="EcomEngine"/>: orders arrive through the day, are paid
/// before and after the cut-off, confirmed, allocated, invoiced and shipped (the outbox dispatcher asks the fake
/// invoice issuer and carriers), delivered, sometimes returned (some too late, some failing inspection), refunded on
/// both sides of the CNY 5,000 tier, and completed by the timer scheduler when the return window closes. Every
/// command ID is derived from the seed, the day and the order, so a second run on the same database replays
/// everything and changes nothing.
/// </summary>
internal sealed class TradingSimulation
{
    private const string Worker = "sample-host";

    private static readonly Actor Shop = new("web-shop", ActorRole.System);
    private static readonly Actor PaymentGateway = new("payment-gateway", ActorRole.System);
    private static readonly Actor[] SalesStaff = [new("sales-wang", ActorRole.Sales), new("sales-li", ActorRole.Sales)];
    private static readonly Actor WarehouseStaff = new("wh-zhang", ActorRole.Warehouse);
    private static readonly Actor CarrierFeed = new("carrier-feed", ActorRole.Carrier);
    private static readonly Actor[] ServiceStaff = [new("cs-chen", ActorRole.CustomerService), new("cs-zhou", ActorRole.CustomerService)];
    private static readonly Actor DepartmentHead = new("head-liu", ActorRole.SalesDepartmentHead);
    private static readonly Actor Headquarters = new("hq-zhao", ActorRole.Headquarters);
    private static readonly Actor DivisionFinance = new("fin-wu", ActorRole.DivisionFinance);
    private static readonly Actor HeadquartersFinance = new("fin-sun", ActorRole.HeadquartersFinance);
    private static readonly Actor InvoiceSystem = new("invoice-system", ActorRole.System);

    private WorkingCalendar? _staffCalendar;
    private WorkingCalendar? _staffCalendarSource;
    private readonly EcomEngine _engine;
    private readonly IEcomStore _store;
    private readonly OutboxDispatcher _dispatcher;
    private readonly TimerScheduler _scheduler;
    private readonly FakeInvoiceIssuer _invoices;
    private readonly SimulatedClock _clock;
    private readonly SampleOptions _options;
    private readonly SimulationReport _report;
    private readonly Random _random;
    private readonly Dictionary<string, Random> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<AggregateKey, string> _completedCreditNotes = [];
    private readonly HashSet<long> _needsPump = [];
    private readonly Population _population;
    private readonly PriorityQueue<Step, (Instant At, long Sequence)> _agenda = new();
    private readonly TextWriter _out;
    private long _sequence;

    public TradingSimulation(
        EcomEngine engine,
        IEcomStore store,
        OutboxDispatcher dispatcher,
        TimerScheduler scheduler,
        FakeInvoiceIssuer invoices,
        SimulatedClock clock,
        SampleOptions options,
        SimulationReport report,
        TextWriter output)
    {
        _engine = engine;
        _store = store;
        _dispatcher = dispatcher;
        _scheduler = scheduler;
        _invoices = invoices;
        _clock = clock;
        _options = options;
        _report = report;
        _out = output;
        _random = new Random(options.Seed);
        _population = new Population(options.Seed, Math.Max(200, options.OrdersPerDay * 5));
    }

    /// <summary>Gets or sets the ledgers every accepted decision is fed to (FIN-1); none when null.</summary>
    public LedgerScenario? Ledgers { get; init; }

    private EcomPolicy Policy => _engine.Policy;

    // When staff work: the policy's days, and ordinary weeks in a year without holiday data even when the policy refuses
    // commands there (DSP-1) — the people still come to work; the library decides what it accepts.
    private WorkingCalendar Calendar
    {
        get
        {
            var policyCalendar = Policy.Calendar;
            if (!ReferenceEquals(_staffCalendarSource, policyCalendar))
            {
                _staffCalendar = policyCalendar.WithUncoveredYears(UncoveredYears.Provisional);
                _staffCalendarSource = policyCalendar;
            }

            return _staffCalendar!;
        }
    }

    public static LocalDate FirstDay(SampleOptions options) => LocalDate.FromDateOnly(DateOnly.Parse(options.StartDate, CultureInfo.InvariantCulture));

    public static string OrderIdFor(SampleOptions options, LocalDate day, int index)
        => string.Create(CultureInfo.InvariantCulture, $"S{options.Seed % 10000:0000}-{day:yyMMdd}-{index:0000}");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var first = FirstDay(_options);
        for (var d = 0; d < _options.Days; d++)
        {
            var day = first.PlusDays(d);
            var count = _options.OrdersPerDay;
            for (var i = 0; i < count; i++)
            {
                var arrival = At(day, new LocalTime(8, 0)) + Duration.FromMinutes(_random.Next(14 * 60));
                var orderId = new OrderId(OrderIdFor(_options, day, i));
                var buyer = _population.Pick(_random);
                var lines = Lines();
                Schedule(arrival, () => PlaceAsync(orderId, buyer, lines, cancellationToken));
            }
        }

        // After the last trading day, keep going until every return window has closed and every flow has ended.
        var end = At(first.PlusDays(_options.Days + Policy.Returns.LongestDays + 12), new LocalTime(0, 0));
        var reportedDay = first;
        var lastPump = Instant.MinValue;
        while (_agenda.TryDequeue(out var step, out var when) && when.At <= end)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The background loops poll about every simulated five minutes, and right before a step that needs their results.
            if (when.At - lastPump >= Duration.FromMinutes(5) || _needsPump.Remove(when.Sequence))
            {
                await PumpAsync(when.At, cancellationToken).ConfigureAwait(false);
                lastPump = when.At;
            }

            _clock.AdvanceTo(when.At);
            var today = when.At.InZone(Policy.Zone).Date;
            while (reportedDay < today)
            {
                _report.PrintDay(_out, reportedDay);
                reportedDay = reportedDay.PlusDays(1);
            }

            await step().ConfigureAwait(false);
        }

        await PumpAsync(end, cancellationToken).ConfigureAwait(false);
        _report.FinishedAt = end;
    }

    // The background loops of a real host, run in simulated time: due timers first, then the outbox.
    private async Task PumpAsync(Instant now, CancellationToken cancellationToken)
    {
        _clock.AdvanceTo(now);
        for (var round = 0; round < 100; round++)
        {
            var fired = await _scheduler.RunOnceAsync(Worker, now, cancellationToken).ConfigureAwait(false);
            var delivered = await _dispatcher.RunOnceAsync(Worker, now, cancellationToken).ConfigureAwait(false);
            if (fired == 0 && delivered == 0)
            {
                break;
            }
        }

        // The purge job of a real host (OutboxPurgeService): delivered messages past their retention, in batches (ORD-6).
        int purged;
        while (_store is IRetentionStore retention && (purged = await retention.PurgeDeliveredOutboxAsync(now - Policy.DeliveredMessageRetention, 500, cancellationToken).ConfigureAwait(false)) > 0)
        {
            _report.Purged += purged;
        }
    }

    private async Task<Decision> ExecuteAsync(EcomCommand command)
    {
        var decision = await _engine.ExecuteAsync(command).ConfigureAwait(false);
        _report.Record(command, decision);
        if (Ledgers is not null)
        {
            await Ledgers.FeedAsync(decision, command.At).ConfigureAwait(false);
        }

        return decision;
    }

    private async Task PlaceAsync(OrderId id, Orders.BuyerDetails buyer, ImmutableArray<OrderLine> lines, CancellationToken ct)
    {
        var at = _clock.GetCurrentInstant();
        var placed = await ExecuteAsync(new PlaceOrder(Id(id, "place"), Shop, at, id, buyer, lines)).ConfigureAwait(false);
        if (!placed.IsAccepted)
        {
            return;
        }

        var roll = Rng(id).NextDouble();
        if (roll < 0.03)
        {
            Schedule(at + Duration.FromMinutes(Rng(id).Next(5, 90)), () => CancelAsync(id, "changed my mind before paying"));
        }
        else if (roll < 0.95)
        {
            // Payments land before and after the cut-off (DSP-2, DSP-3); the dispatch date follows.
            // The checkout knows what it asked for. On a second run the placement is a replay of an order changed since, which
            // carries no buyer's data (SEC-2), so the amount is read, audited.
            var total = (placed.State as Order ?? await ReadAsync(id, PaymentGateway, "amount to collect").ConfigureAwait(false))?.Total;
            if (total is { } amount)
            {
                Schedule(at + Duration.FromMinutes(Rng(id).Next(1, 40)), () => PayAsync(id, amount, ct));
            }
        }
    }

    private async Task PayAsync(OrderId id, Money total, CancellationToken ct)
    {
        var at = _clock.GetCurrentInstant();
        var paid = await ExecuteAsync(new PayOrder(Id(id, "pay"), PaymentGateway, at, id, total)).ConfigureAwait(false);
        if (!paid.IsAccepted)
        {
            return;
        }

        // SLA-1/2: sales identify the customer and enter the order within 15/30 working minutes (not always).
        var confirmAt = Calendar.AddWorkingTime(Calendar.NextWorkingInstant(at), Duration.FromMinutes(Rng(id).Next(3, 21)));
        Schedule(confirmAt, () => ConfirmAsync(id));
        if (Rng(id).NextDouble() < 0.03)
        {
            Schedule(at + Duration.FromHours(Rng(id).Next(2, 60)), () => CancelAsync(id, "found it cheaper elsewhere"));
        }
    }

    private async Task ConfirmAsync(OrderId id)
    {
        var at = _clock.GetCurrentInstant();
        var confirmed = await ExecuteAsync(new ConfirmOrder(Id(id, "confirm"), SalesStaff[Rng(id).Next(SalesStaff.Length)], at, id)).ConfigureAwait(false);
        if (!confirmed.IsAccepted)
        {
            return;
        }

        var order = confirmed.State as Order ?? await ReadAsync(id, WarehouseStaff, "dispatch planning").ConfigureAwait(false);
        var dispatchDay = order?.DispatchDate ?? at.InZone(Policy.Zone).Date;
        var earliest = Calendar.AddWorkingTime(at, Duration.FromMinutes(Rng(id).Next(10, 55)));
        var dayStart = Calendar.NextWorkingInstant(At(dispatchDay, new LocalTime(0, 0)));
        var allocateAt = earliest > dayStart ? earliest : dayStart + Duration.FromMinutes(Rng(id).Next(0, 90));

        // Now and then the warehouse falls behind by two working days: late dispatch (ORD-3) and breached SLAs.
        if (Rng(id).NextDouble() < 0.05)
        {
            allocateAt = Calendar.AddWorkingTime(allocateAt, Duration.FromHours(Rng(id).Next(12, 30)));
        }

        Schedule(allocateAt, () => AllocateAsync(id));
    }

    private async Task AllocateAsync(OrderId id)
    {
        var at = _clock.GetCurrentInstant();
        var allocated = await ExecuteAsync(new AllocateStock(Id(id, "allocate"), WarehouseStaff, at, id, "DN-" + id.Value)).ConfigureAwait(false);
        if (allocated.IsAccepted)
        {
            // The invoice and the pickup go through the outbox: the dispatcher asks the issuer and the carriers.
            Schedule(at + Duration.FromMinutes(1), () => AwaitShipmentAsync(id, 0), afterPump: true);
        }
    }

    private async Task AwaitShipmentAsync(OrderId id, int checks)
    {
        // The warehouse checks whether the carrier picked the parcel up: a read of the buyer's order, audited (SEC-2).
        var order = await ReadAsync(id, WarehouseStaff, "shipment follow-up").ConfigureAwait(false);
        if (order?.ShippedAt is { } shippedAt)
        {
            Schedule(shippedAt + Duration.FromHours(Rng(id).Next(4, 10)), () => TrackAsync(id, TrackingEventKind.InTransit, "transit"));
            var reportAt = At(Calendar.NextWorkingDay(shippedAt.InZone(Policy.Zone).Date), new LocalTime(8, 30)) + Duration.FromMinutes(Rng(id).Next(0, 45));
            Schedule(reportAt, () => ReportLogisticsAsync(id));
            Schedule(shippedAt + Duration.FromHours(Rng(id).Next(20, 96)), () => SignAsync(id));
        }
        else if (order?.State is OrderState.Invoiced or OrderState.Allocated && checks < 48)
        {
            Schedule(_clock.GetCurrentInstant() + Duration.FromHours(1), () => AwaitShipmentAsync(id, checks + 1), afterPump: true);
        }
    }

    private Task<Decision> TrackAsync(OrderId id, TrackingEventKind kind, string step)
        => ExecuteAsync(new RecordTrackingEvent(Id(id, step), CarrierFeed, _clock.GetCurrentInstant(), id, kind));

    private Task ReportLogisticsAsync(OrderId id)
        => ExecuteAsync(new ReportLogistics(Id(id, "logistics"), Shop, _clock.GetCurrentInstant(), id));

    private async Task SignAsync(OrderId id)
    {
        var signed = await TrackAsync(id, TrackingEventKind.Signed, "signed").ConfigureAwait(false);
        if (!signed.IsAccepted || Rng(id).NextDouble() >= 0.12)
        {
            return;
        }

        // About one order in eight comes back; some ask after their window (RET-2).
        if ((signed.State as Order ?? await ReadAsync(id, Shop, "return offer").ConfigureAwait(false)) is { } order)
        {
            var askAt = _clock.GetCurrentInstant() + Duration.FromDays(Rng(id).Next(1, 12)) + Duration.FromHours(Rng(id).Next(0, 10));
            Schedule(askAt, () => RequestReturnAsync(order));
        }
    }

    private async Task CancelAsync(OrderId id, string reason)
    {
        var at = _clock.GetCurrentInstant();
        var buyer = new Actor("buyer", ActorRole.Customer);
        var cancelled = await ExecuteAsync(new CancelOrder(Id(id, "cancel"), buyer, at, id, reason)).ConfigureAwait(false);
        if (cancelled.IsAccepted && await GetAsync(RefundId.ForCancellation(id)).ConfigureAwait(false) is not null)
        {
            ScheduleRefund(RefundId.ForCancellation(id), requester: buyer.Id, at);
        }
    }

    private async Task RequestReturnAsync(Order order)
    {
        var caseId = new ReturnCaseId(order.Id, "1");
        var kindRoll = Rng(order.Id).NextDouble();
        var kind = kindRoll < 0.7 ? ReturnKind.Return : kindRoll < 0.9 ? ReturnKind.Exchange : ReturnKind.Repair;
        var reasons = Enum.GetValues<ReturnReason>();
        var reason = kind == ReturnKind.Repair ? ReturnReason.QualityProblem : reasons[Rng(order.Id).Next(reasons.Length)];
        var line = order.Lines[0];
        var request = new RequestReturn(Id(caseId, "request"), new Actor("buyer", ActorRole.Customer), _clock.GetCurrentInstant(), caseId, kind, reason,
            reason == ReturnReason.Other ? "不想要了" : "see photos", reason == ReturnReason.Other ? [] : ["photo-1.jpg"],
            [new ReturnLine(line.Sku, 1)], SpecialCase: Rng(order.Id).NextDouble() < 0.1);
        var requested = await ExecuteAsync(request).ConfigureAwait(false);
        if (requested.IsAccepted)
        {
            // SLA-6: answered within 24 h (48 h special cases) — not always.
            Schedule(_clock.GetCurrentInstant() + Duration.FromHours(Rng(order.Id).Next(1, 30)), () => DecideReturnAsync(caseId));
        }
    }

    private async Task DecideReturnAsync(ReturnCaseId caseId)
    {
        var staff = ServiceStaff[Rng(caseId.Order).Next(ServiceStaff.Length)];
        var accept = Rng(caseId.Order).NextDouble() < 0.9;
        var decided = await ExecuteAsync(new DecideReturn(Id(caseId, "decide"), staff, _clock.GetCurrentInstant(), caseId, accept,
            accept ? "meets the return standard" : "item shows use beyond inspection")).ConfigureAwait(false);
        if (decided.IsAccepted && accept)
        {
            Schedule(_clock.GetCurrentInstant() + Duration.FromHours(Rng(caseId.Order).Next(12, 60)),
                () => ExecuteAsync(new RecordReturnShipment(Id(caseId, "ship-back"), new Actor("buyer", ActorRole.Customer), _clock.GetCurrentInstant(), caseId, "YT" + caseId.Order.Value, new Money(12m))));
            Schedule(_clock.GetCurrentInstant() + Duration.FromHours(Rng(caseId.Order).Next(70, 120)), () => InspectAsync(caseId, staff.Id));
        }
    }

    private async Task InspectAsync(ReturnCaseId caseId, string acceptedBy)
    {
        // RET-4: goods and invoice are inspected; about one parcel in seven fails and goes to negotiation.
        var passed = Rng(caseId.Order).NextDouble() >= 0.15;
        var inspected = await ExecuteAsync(new InspectReturn(Id(caseId, "inspect"), WarehouseStaff, _clock.GetCurrentInstant(), caseId, passed, passed,
            passed ? null : "seal broken, invoice missing")).ConfigureAwait(false);
        if (!inspected.IsAccepted)
        {
            return;
        }

        if (passed)
        {
            Schedule(_clock.GetCurrentInstant() + Duration.FromMinutes(Rng(caseId.Order).Next(20, 400)), () => RestockAsync(caseId, acceptedBy));
            return;
        }

        var agree = Rng(caseId.Order).NextDouble() < 0.5;
        Schedule(_clock.GetCurrentInstant() + Duration.FromHours(Rng(caseId.Order).Next(24, 72)), async () =>
        {
            var resolved = await ExecuteAsync(new ResolveNegotiation(Id(caseId, "negotiate"), ServiceStaff[0], _clock.GetCurrentInstant(), caseId, agree,
                agree ? "customer, service and warehouse agree to accept" : "customer accepts the refusal")).ConfigureAwait(false);
            if (resolved.IsAccepted && agree)
            {
                Schedule(_clock.GetCurrentInstant() + Duration.FromMinutes(Rng(caseId.Order).Next(20, 300)), () => RestockAsync(caseId, acceptedBy));
            }
        });
    }

    private async Task RestockAsync(ReturnCaseId caseId, string acceptedBy)
    {
        var restocked = await ExecuteAsync(new RestockReturn(Id(caseId, "restock"), WarehouseStaff, _clock.GetCurrentInstant(), caseId)).ConfigureAwait(false);
        var returnCase = restocked.IsAccepted ? restocked.State as ReturnCase ?? await ReadAsync(caseId, WarehouseStaff, "replacement planning").ConfigureAwait(false) : null;
        if (returnCase is { State: ReturnState.ReplacementRequested or ReturnState.AwaitingRepair } replacing)
        {
            // RET-5: a repair takes a few days; then the replacement or the repaired goods ship and the customer signs.
            var shipAt = _clock.GetCurrentInstant();
            if (replacing.State == ReturnState.AwaitingRepair)
            {
                shipAt += Duration.FromHours(Rng(caseId.Order).Next(24, 96));
                Schedule(shipAt, () => ExecuteAsync(new CompleteRepair(Id(caseId, "repaired"), WarehouseStaff, _clock.GetCurrentInstant(), caseId)));
            }

            Schedule(shipAt + Duration.FromHours(Rng(caseId.Order).Next(20, 60)),
                () => ExecuteAsync(new RecordReplacementTracking(Id(caseId, "replacement-signed"), CarrierFeed, _clock.GetCurrentInstant(), caseId, TrackingEventKind.Signed)),
                afterPump: true);
            return;
        }

        var refundId = new RefundId(caseId.Order, "return-" + caseId.Number);
        if (restocked.IsAccepted && await GetAsync(refundId).ConfigureAwait(false) is not null)
        {
            ScheduleRefund(refundId, acceptedBy, _clock.GetCurrentInstant());
        }
    }

    private void ScheduleRefund(RefundId refundId, string requester, Instant at)
        => Schedule(at + Duration.FromHours(Rng(refundId.Order).Next(2, 30)), () => ApproveAsync(refundId, requester));

    private async Task ApproveAsync(RefundId id, string requester)
    {
        var refund = await GetAsync(id).ConfigureAwait(false);
        if (refund is null || refund.State != RefundState.Requested)
        {
            return;
        }

        var approver = refund.ApproverRole == ActorRole.Headquarters ? Headquarters : DepartmentHead;
        if (Rng(id.Order).NextDouble() < 0.05)
        {
            // Someone tries to approve their own refund, or with the wrong role: refused by REF-3.
            var wrong = Rng(id.Order).NextDouble() < 0.5 ? new Actor(requester, approver.Role) : (approver == Headquarters ? DepartmentHead : Headquarters);
            await ExecuteAsync(new ApproveRefund(Id(id, "approve-wrong"), wrong, _clock.GetCurrentInstant(), id)).ConfigureAwait(false);
        }

        var approved = await ExecuteAsync(new ApproveRefund(Id(id, "approve"), approver, _clock.GetCurrentInstant(), id)).ConfigureAwait(false);
        if (approved.IsAccepted)
        {
            Schedule(_clock.GetCurrentInstant() + Duration.FromHours(Rng(id.Order).Next(1, 24)), () => ReviewAsync(id));
        }
    }

    private async Task ReviewAsync(RefundId id)
    {
        var reviewed = await ExecuteAsync(new ReviewRefund(Id(id, "review"), DivisionFinance, _clock.GetCurrentInstant(), id)).ConfigureAwait(false);
        if (!reviewed.IsAccepted)
        {
            return;
        }

        // INV-3: the invoice came back with the goods, or a red-letter credit note is issued (which may take days).
        if (Rng(id.Order).NextDouble() < 0.6)
        {
            Schedule(_clock.GetCurrentInstant() + Duration.FromHours(Rng(id.Order).Next(1, 8)), async () =>
            {
                var confirmed = await ExecuteAsync(new ConfirmInvoiceRecovered(Id(id, "invoice-recovered"), DivisionFinance, _clock.GetCurrentInstant(), id)).ConfigureAwait(false);
                if (confirmed.IsAccepted)
                {
                    SchedulePayment(id);
                }
            });
        }
        else
        {
            Schedule(_clock.GetCurrentInstant() + Duration.FromHours(Rng(id.Order).Next(1, 8)), async () =>
            {
                var requested = await ExecuteAsync(new RequestCreditNote(Id(id, "credit-note"), DivisionFinance, _clock.GetCurrentInstant(), id)).ConfigureAwait(false);
                if (requested.IsAccepted)
                {
                    Schedule(_clock.GetCurrentInstant() + Duration.FromHours(Rng(id.Order).Next(20, 50)), () => AwaitCreditNoteAsync(id, 0), afterPump: true);
                }
            });
        }
    }

    private async Task AwaitCreditNoteAsync(RefundId id, int checks)
    {
        // INV-3: the tax system answers later; the issuer's callback records the red-letter credit note.
        foreach (var (key, number) in _invoices.CompletePendingCreditNotes())
        {
            var request = _invoices.CreditNotes.First(e => string.Equals(e.Request.IdempotencyKey, key, StringComparison.Ordinal)).Request;
            _completedCreditNotes[request.Refund] = number;
            _report.CreditNotesCompleted++;
        }

        if (_completedCreditNotes.TryGetValue(id.Key, out var creditNote))
        {
            await ExecuteAsync(new RecordCreditNote(Id(id, "credit-note-issued"), InvoiceSystem, _clock.GetCurrentInstant(), id, creditNote)).ConfigureAwait(false);
        }

        var refund = await GetAsync(id).ConfigureAwait(false);
        if (refund?.State == RefundState.InvoiceSettled)
        {
            SchedulePayment(id);
        }
        else if (refund?.State == RefundState.CreditNotePending && checks < 10)
        {
            Schedule(_clock.GetCurrentInstant() + Duration.FromHours(12), () => AwaitCreditNoteAsync(id, checks + 1), afterPump: true);
        }
    }

    private void SchedulePayment(RefundId id)
        => Schedule(_clock.GetCurrentInstant() + Duration.FromHours(Rng(id.Order).Next(2, 40)),
            () => ExecuteAsync(new PayRefund(Id(id, "pay"), HeadquartersFinance, _clock.GetCurrentInstant(), id)));

    private ImmutableArray<OrderLine> Lines()
    {
        var count = _random.Next(1, 4);
        var builder = ImmutableArray.CreateBuilder<OrderLine>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var (sku, price) = Catalogue.Pick(_random);
            if (seen.Add(sku))
            {
                builder.Add(new OrderLine(sku, _random.Next(1, 4), new Money(price)));
            }
        }

        return builder.ToImmutable();
    }

    private async Task<T?> GetAsync<T>(IAggregateId<T> id)
        where T : class
        => (await _engine.GetAsync(id).ConfigureAwait(false))?.Aggregate;

    // An order or a return case holds the buyer's personal data: the simulated person says who reads it and why, and the
    // read is audited (SEC-2).
    private async Task<T?> ReadAsync<T>(IAggregateId<T> id, Actor reader, string purpose)
        where T : class
        => (await _engine.GetAsync(id, new DataAccess(reader, _clock.GetCurrentInstant(), purpose)).ConfigureAwait(false))?.Aggregate;

    /// <summary>Adds another part's step to the agenda (the stock scenario's receipts, procurements and stocktakes).</summary>
    public void ScheduleExternal(Instant at, Func<Task> step) => Schedule(at, () => step(), afterPump: true);

    private void Schedule(Instant at, Step step, bool afterPump = false)
    {
        if (afterPump)
        {
            _needsPump.Add(_sequence);
        }

        _agenda.Enqueue(step, (at, _sequence++));
    }

    private Instant At(LocalDate date, LocalTime time) => Policy.Zone.AtLeniently(date + time).ToInstant();

    // Each order has its own random stream, so what happens to one order never shifts the choices made for another.
    private Random Rng(OrderId order)
    {
        if (!_streams.TryGetValue(order.Value, out var random))
        {
            var seed = _options.Seed;
            foreach (var c in order.Value)
            {
                seed = unchecked((seed * 31) + c);
            }

            random = new Random(seed);
            _streams.Add(order.Value, random);
        }

        return random;
    }

    private CommandId Id(OrderId order, string step) => new($"{_options.Seed}/{order.Value}/{step}");

    private CommandId Id(ReturnCaseId caseId, string step) => new($"{_options.Seed}/{caseId.Order.Value}/return-{caseId.Number}/{step}");

    private CommandId Id(RefundId refund, string step) => new($"{_options.Seed}/{refund.Order.Value}/refund-{refund.Number}/{step}");

    private delegate Task Step();
}

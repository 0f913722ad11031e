using System.Globalization;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.SampleHost;

/// <summary>What happened: progress per simulated day while running, and the summary a person reads at the end.</summary>
internal sealed class SimulationReport
{
    private readonly Dictionary<LocalDate, Dictionary<string, int>> _days = [];
    private readonly Dictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private readonly DateTimeZone _zone;
    private int _commands;
    private int _replays;
    private int _provisional;

    public SimulationReport(DateTimeZone zone) => _zone = zone;

    public Instant FinishedAt { get; set; }

    public int CreditNotesCompleted { get; set; }

    public long Purged { get; set; }

    public void Record(EcomCommand command, Decision decision)
    {
        _commands++;
        if (decision.IsReplay)
        {
            _replays++;
        }

        if (decision.IsRefused)
        {
            var rule = decision.RuleId.IsEmpty ? decision.Code.ToString() : decision.RuleId.Value;
            _refusals[rule] = _refusals.GetValueOrDefault(rule) + 1;
            Count(command.At, "refused");
            return;
        }

        // DSP-1: deadlines that reach a year without public-holiday data, computed on ordinary weeks until it is added.
        _provisional += decision.Events.OfType<DeadlinesProvisional>().Sum(e => e.Deadlines.Length);
        Count(command.At, command switch
        {
            PlaceOrder => "placed",
            PayOrder => "paid",
            RecordTrackingEvent { Kind: TrackingEventKind.Signed } => "delivered",
            RequestReturn => "returns",
            PayRefund => "refunds paid",
            CancelOrder => "cancelled",
            _ => "other",
        });
    }

    // What TradingSimulation draws, against each limit (SlaDefinitions): why the sample breaches what it breaches.
    private static readonly Dictionary<string, string> WhyBreached = new(StringComparer.Ordinal)
    {
        ["SLA-1"] = "sales confirm 3-20 working minutes after payment; the limit is 15.",
        ["SLA-3"] = "the delivery note comes 10-54 working minutes after confirmation, or on the dispatch day for orders paid after the cut-off; and 1 order in 20 the warehouse falls 12-30 working hours behind. The limit is 1 working hour from payment.",
        ["SLA-5"] = "the logistics report goes out between 08:30 and 09:14 the next working day; the limit is 09:00.",
        ["SLA-6"] = "service answers a return request 1-29 hours after it arrives; the limit is 24 hours.",
        ["SLA-7"] = "returned goods are restocked 20-400 minutes after they arrive; those arriving late miss the end of the working day.",
    };

    public void PrintDay(TextWriter output, LocalDate day)
    {
        var counts = _days.GetValueOrDefault(day) ?? [];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {day:yyyy-MM-dd ddd}  placed {counts.GetValueOrDefault("placed"),4}  paid {counts.GetValueOrDefault("paid"),4}  delivered {counts.GetValueOrDefault("delivered"),4}  cancelled {counts.GetValueOrDefault("cancelled"),3}  returns {counts.GetValueOrDefault("returns"),3}  refunds paid {counts.GetValueOrDefault("refunds paid"),3}  refused {counts.GetValueOrDefault("refused"),3}"));
    }

    public async Task PrintSummaryAsync(TextWriter output, EcomEngine engine, Instant at, IReadOnlyList<OrderId> orderIds, OutboxStatistics outbox, PortTally ports)
    {
        // The summary reads every order and return case: the host's own read of personal data, audited like any other (SEC-2).
        var policy = engine.Policy;
        var access = new DataAccess(Actor.System, at, "end-of-run summary");
        var orders = new List<Order>();
        var returns = new List<ReturnCase>();
        var refunds = new List<Refund>();
        foreach (var id in orderIds)
        {
            if ((await engine.GetAsync(id, access).ConfigureAwait(false))?.Aggregate is { } order)
            {
                orders.Add(order);
            }

            if ((await engine.GetAsync(new ReturnCaseId(id, "1"), access).ConfigureAwait(false))?.Aggregate is { } returnCase)
            {
                returns.Add(returnCase);
            }

            foreach (var refundId in new[] { RefundId.ForCancellation(id), new RefundId(id, "return-1") })
            {
                if ((await engine.GetAsync(refundId).ConfigureAwait(false))?.Aggregate is { } refund)
                {
                    refunds.Add(refund);
                }
            }
        }

        var w = output;
        w.WriteLine();
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Summary ({policy.Name}; {_commands} commands this run, {_replays} of them replays of an earlier run)"));
        if (_commands > 0 && _replays == _commands)
        {
            // A replay returns the recorded decision without deciding or saving again.
            w.WriteLine("  This database already held this trading period: every command was replayed from its idempotency record and nothing changed.");
        }
        else if (_replays > 0)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {_replays} commands were already recorded and replayed without a second effect; {_commands - _replays} were new."));
        }

        w.WriteLine();
        w.WriteLine("Orders by state (ORD-1)");
        foreach (var group in orders.GroupBy(o => o.State).OrderBy(g => g.Key))
        {
            var note = group.Key == OrderState.Placed ? "  never paid: abandoned checkouts" : string.Empty;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key,-12} {group.Count(),6}{note}"));
        }

        var shipped = orders.Where(o => o.ShippedOnTime is not null).ToArray();
        w.WriteLine();
        w.WriteLine("Dispatch (ORD-3, DSP-2/3)");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  on time      {shipped.Count(o => o.ShippedOnTime == true),6}"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  late         {shipped.Count(o => o.ShippedOnTime == false),6}"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  by warehouse {string.Join(", ", shipped.GroupBy(o => o.Warehouse.Value).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))} (WH-1)"));

        w.WriteLine();
        w.WriteLine("SLAs (SLA-8)          met  met after warning  breached  open  cancelled");
        var timers = orders.SelectMany(o => o.Slas).Concat(returns.SelectMany(r => r.Slas));
        var measured = policy.Calendar.WithUncoveredYears(EcomRules.Calendars.UncoveredYears.Provisional); // a report, not a decision: measure past the data too
        var breached = new List<string>();
        foreach (var group in timers.GroupBy(t => t.Definition.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var statuses = group.Select(t => t.Evaluate(FinishedAt, measured)).ToArray();
            var met = statuses.Count(s => s.State == SlaState.Met && !s.Warnings.Any(x => x.Reached && x.Threshold < 1));
            var warned = statuses.Count(s => s.State == SlaState.Met) - met;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key,-8} {Describe(group.First().Definition),-11}{met,5}  {warned,17}  {statuses.Count(s => s.State == SlaState.Breached),8}  {statuses.Count(s => s.State is SlaState.Running or SlaState.Paused),4}  {statuses.Count(s => s.State == SlaState.Cancelled),9}"));
            if (statuses.Any(s => s.State == SlaState.Breached))
            {
                breached.Add(group.Key);
            }
        }

        if (breached.Count > 0)
        {
            w.WriteLine("  Why they breach: the simulated staff are slow on purpose, so that the timers have something to report.");
            foreach (var id in breached)
            {
                w.WriteLine($"    {id,-6} {WhyBreached.GetValueOrDefault(id, "the simulated staff sometimes take longer than the limit.")}");
            }
        }

        w.WriteLine();
        w.WriteLine("Returns by reason and outcome (RET-1..5)");
        foreach (var group in returns.GroupBy(r => r.Reason).OrderBy(g => g.Key))
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key,-20} {group.Count(),4}: {string.Join(", ", group.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}"));
        }

        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  requests refused as too late (RET-2): {_refusals.GetValueOrDefault("RET-2")}"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  exchanges and repairs shipped back (RET-5): {returns.Count(r => r.ReplacementTrackingNumber is not null)}, signed for {returns.Count(r => r.Outcome is ReturnOutcome.Exchanged or ReturnOutcome.Repaired)}"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  return cases that breached SLA-6 or SLA-7 (raised by their timers): {returns.Count(r => r.Slas.Any(t => t.Definition.Id is "SLA-6" or "SLA-7" && t.Evaluate(FinishedAt, policy.Calendar).State == SlaState.Breached))}"));

        w.WriteLine();
        w.WriteLine("Refunds by approval tier (REF-2)");
        foreach (var group in refunds.GroupBy(r => r.ApproverRole.Value).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key,-22} {group.Count(),4}  ({group.Min(r => r.Amount)} – {group.Max(r => r.Amount)}): {string.Join(", ", group.GroupBy(r => r.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}"));
        }

        w.WriteLine();
        var coverage = string.Create(CultureInfo.InvariantCulture, $"Calendar (DSP-1): holidays {policy.Calendar.Holidays.FirstYear}–{policy.Calendar.Holidays.LastYear}; ");
        w.WriteLine(coverage + (policy.UncoveredYears == EcomRules.Calendars.UncoveredYears.Refuse
            ? string.Create(CultureInfo.InvariantCulture, $"commands reaching a later year are refused: {_refusals.GetValueOrDefault("DSP-1")} this run")
            : string.Create(CultureInfo.InvariantCulture, $"{_provisional} deadline(s) computed as provisional this run (a later year counts as ordinary weeks until its data is added)")));

        w.WriteLine();
        w.WriteLine("Refusals by rule");
        foreach (var (rule, count) in _refusals.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rule,-16} {count,6}"));
        }

        w.WriteLine();
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ports this run: {ports.Invoices} invoices, {ports.CreditNotes} credit notes ({CreditNotesCompleted} completed later), {ports.Pickups} pickups ({ports.ReplacementPickups} replacements, RET-5), {ports.Sms} SMS, {ports.StaffWarnings} SLA warnings to staff (SLA-8)"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Timers this run: {ports.TimersFired} fired, {ports.TimersUnhandled} without a handler (kept for retry)"));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Outbox: {outbox.Pending} pending, {outbox.DeadLetters} dead letters, {Purged} delivered messages purged after {policy.DeliveredMessageRetention.Days} days (ORD-6)"));
    }

    private static string Describe(SlaDefinition definition) => definition.Id switch
    {
        "SLA-1" => "identify",
        "SLA-2" => "enter",
        "SLA-3" => "note",
        "SLA-4" => "hand-over",
        "SLA-5" => "logistics",
        "SLA-6" => "answer",
        "SLA-7" => "restock",
        _ => string.Empty,
    };

    private void Count(Instant at, string what)
    {
        var day = at.InZone(_zone).Date;
        if (!_days.TryGetValue(day, out var counts))
        {
            counts = new Dictionary<string, int>(StringComparer.Ordinal);
            _days.Add(day, counts);
        }

        counts[what] = counts.GetValueOrDefault(what) + 1;
    }
}

/// <summary>What the fake ports were asked to do during this run.</summary>
internal sealed record PortTally(int Invoices, int CreditNotes, int Pickups, int Sms, int ReplacementPickups = 0, int StaffWarnings = 0, long TimersFired = 0, long TimersUnhandled = 0);

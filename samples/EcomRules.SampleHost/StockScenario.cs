using System.Globalization;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Inventory;
using EcomRules.Ports;
using EcomRules.Stock;
using EcomRules.Stock.Events;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.SampleHost;

/// <summary>
/// The warehouse side of the sample when the policy tracks stock (issue 17): opening receipts checked against their
/// delivery notes (WH-2: a short line, damaged units, a refused line), procurement when operations is told of low stock
/// (WH-4: approval by operations, the chairman's sign-off above CNY 1,000, WH-5) with the goods received the next
/// working morning, and a weekly stocktake every Saturday with a damage line the first week (WH-3, WH-6). Every
/// command ID is derived from the date and the item, so a second run on the same database replays them.
/// </summary>
internal sealed class StockScenario(EcomEngine engine, FakeNotifier notifier, string database, TextWriter output, IReportSink? reports = null)
{
    private static readonly Actor Receiver = new("wh-zhang", ActorRole.Warehouse);
    private static readonly Actor Counter = new("wh-qian", ActorRole.Warehouse);
    private static readonly Actor Operations = new("ops-he", ActorRole.Operations);
    private static readonly Actor Chairman = new("chair-ma", ActorRole.Chairman);
    private static readonly WarehouseId[] Warehouses = [WarehouseId.Main, WarehouseId.Central];
    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);
    private readonly List<string> _log = [];
    private readonly List<(LocalDate Day, ReceiveStock Receipt)> _arrivals = [];
    private int _receipts;
    private int _differences;
    private int _refused;
    private int _alerts;
    private int _procurements;
    private int _signedOff;
    private int _counted;
    private int _damaged;
    private List<string>? _month;

    private DateTimeZone Zone => engine.Policy.Zone;

    /// <summary>Schedules the stock steps on the simulation's agenda: receipts before the first order, checks every evening, stocktakes on Saturdays.</summary>
    public void Schedule(TradingSimulation simulation, LocalDate first, int days, int ordersPerDay)
    {
        simulation.ScheduleExternal(At(first, 7, 0), () => OpeningReceiptsAsync(first, ordersPerDay));
        for (var d = 0; d < days + 7; d++)
        {
            var day = first.PlusDays(d);
            simulation.ScheduleExternal(At(day, 7, 30), () => ArrivalsAsync(day));
            simulation.ScheduleExternal(At(day, 18, 30), () => ProcureAsync(day));
            if (day.DayOfWeek == IsoDayOfWeek.Saturday)
            {
                simulation.ScheduleExternal(At(day, 17, 30), () => StocktakeAsync(day, first));
            }
        }

        // WH-6: the month's summary is made before month end, while the outbox still holds the month's movements.
        var monthEnd = first.With(DateAdjusters.EndOfMonth);
        simulation.ScheduleExternal(At(monthEnd, 23, 30), async () => _month = await MonthlyAsync(monthEnd).ConfigureAwait(false));
    }

    /// <summary>Prints what the warehouse did, and the month's in / out / balance per item at the main warehouse (WH-6, WH-7).</summary>
    public async Task PrintSummaryAsync(LocalDate first)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Stock (WH-2..7): {_receipts} receipt lines checked ({_differences} with a recorded difference, {_refused} refused), {_alerts} low-stock alerts to operations, {_procurements} procurements approved ({_signedOff} signed off by the chairman above CNY 1,000), {_counted} items counted in weekly stocktakes ({_damaged} damage lines)."));
        foreach (var line in _log)
        {
            output.WriteLine("  " + line);
        }

        foreach (var line in _month ?? await MonthlyAsync(first.With(DateAdjusters.EndOfMonth)).ConfigureAwait(false))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>WH-6, WH-7: the month's in / out / balance per item at the main warehouse and each item's velocity class, from the recorded movements.</summary>
    private async Task<List<string>> MonthlyAsync(LocalDate monthEnd)
    {
        var month = new YearMonth(monthEnd.Year, monthEnd.Month);
        var movements = await ReadMovementsAsync(database).ConfigureAwait(false);
        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"  {month:yyyy-MM} at the main warehouse: opening + in − out = closing, class by sales velocity (WH-6, WH-7)") };
        var summaries = StockReports.MonthlySummary(movements, month, Zone).Where(s => s.Item.Id.StartsWith("main/", StringComparison.Ordinal)).ToList();
        var classes = summaries.ToDictionary(s => s.Item, s => StockReports.Classify(movements.Where(m => m.Source == s.Item), monthEnd, Zone, engine.Policy.StockVelocity));
        if (reports is not null)
        {
            var (csv, _) = await reports.ExportAsync(StockReports.MonthlyReport(month, summaries, classes)).ConfigureAwait(false);
            lines[0] += string.Create(CultureInfo.InvariantCulture, $"; {Path.GetFileName(csv)} (+ .json)");
        }

        foreach (var summary in summaries)
        {
            var velocity = classes[summary.Item];
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"    {summary.Item.Id["main/".Length..],-16} {summary.Opening,5} + {summary.In,5} − {summary.Out,5} = {summary.Closing,5}  {velocity}"));
        }

        return lines;
    }

    // The movements as recorded in the outbox (delivered messages are kept for the policy's retention, 30 days by default).
    private static async Task<List<StockMoved>> ReadMovementsAsync(string database)
    {
        var movements = new List<StockMoved>();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = database, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_json FROM outbox WHERE event_type = 'StockMoved' ORDER BY seq;";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            movements.Add((StockMoved)Persistence.EcomSerializer.Default.DeserializeEvent(reader.GetString(0)));
        }

        return movements;
    }

    private Instant At(LocalDate day, int hour, int minute) => Zone.AtLeniently(day.At(new LocalTime(hour, minute))).ToInstant();

    private async Task<Decision> RunAsync(EcomCommand command, bool readsCurrentState = false)
    {
        var decision = await engine.ExecuteAsync(command).ConfigureAwait(false);

        // A command built from the item's state now (a stocktake's booked figure) differs on a second run over the same
        // database, where the state is the end of the first run: its ID being used means the first run did it.
        if (decision.Code == RefusalCode.CommandIdReused && !readsCurrentState)
        {
            throw new InvalidOperationException(decision.Reason);
        }

        return decision;
    }

    private async Task OpeningReceiptsAsync(LocalDate day, int ordersPerDay)
    {
        var at = At(day, 7, 0);
        foreach (var warehouse in Warehouses)
        {
            var note = "DN-OPEN-" + warehouse.Value;
            // About ten days of what the shop sells at the main warehouse; the central one ships to fewer provinces (WH-1).
            int Expected(int weight) => Math.Max(10, ordersPerDay * weight * 30 / (warehouse == WarehouseId.Main ? 136 : 400));

            // WH-2: the delivery is recorded on arrival with its document; its lines are due stocked in by the end of the working day.
            await RunAsync(new RecordDeliveryArrival(new CommandId($"stock/{note}/arrived"), Receiver, at, new DeliveryReceiptId(warehouse, note),
                [.. Catalogue.Items.Select(i => new StockLine(i.Sku, Expected(i.Weight)))])).ConfigureAwait(false);
            foreach (var (sku, _, weight) in Catalogue.Items)
            {
                var expected = Expected(weight);
                var (received, damaged, reason) = (warehouse == WarehouseId.Main, sku) switch
                {
                    (true, "OIL-5W30-4L") => (expected - 12, 0, "12 cans missing from the pallet; the carrier confirmed the shortage"),
                    (true, "BATTERY-70AH") => (expected, 2, "2 batteries with cracked casings, set aside for the supplier"),
                    _ => (expected, 0, (string?)null),
                };
                await ReceiveAsync(new ReceiveStock(new CommandId($"stock/{note}/{sku}"), Receiver, at, new StockItemId(warehouse, sku), note, day, expected, received, damaged, false, reason));
            }
        }

        // The receiver refuses a line that does not match its delivery document (WH-2): nothing is stocked in.
        await ReceiveAsync(new ReceiveStock(new CommandId("stock/DN-OPEN-2/WIPER-24"), Receiver, at, new StockItemId(WarehouseId.Main, "WIPER-24"), "DN-OPEN-2", day, 40, 40,
            RefuseLine: true, DifferenceReason: "26-inch blades delivered against a 24-inch order"));
    }

    private async Task ReceiveAsync(ReceiveStock receipt)
    {
        var decision = await RunAsync(receipt).ConfigureAwait(false);
        _receipts++;
        if (decision.Events.OfType<StockReceived>().FirstOrDefault() is { } received && (received.Refused || received.DifferenceReason is not null))
        {
            _differences += received.Refused ? 0 : 1;
            _refused += received.Refused ? 1 : 0;
            _log.Add(string.Create(CultureInfo.InvariantCulture,
                $"{receipt.ArrivedOn:yyyy-MM-dd} receipt {receipt.DeliveryNote} {receipt.Item}: expected {received.Expected}, received {received.Received}, damaged {received.Damaged}, stocked in {received.StockedIn}{(received.Refused ? " (line refused)" : "")}: {received.DifferenceReason}"));
        }
    }

    /// <summary>WH-2: procured goods arrive on the working morning after the approval and are checked in on arrival.</summary>
    private async Task ArrivalsAsync(LocalDate day)
    {
        foreach (var (_, receipt) in _arrivals.Where(a => a.Day <= day).ToList())
        {
            await ReceiveAsync(receipt).ConfigureAwait(false);
        }

        _arrivals.RemoveAll(a => a.Day <= day);
    }

    /// <summary>WH-4, WH-5: each low-stock notice operations received today becomes a procurement, approved, signed off when needed, and received the next working morning.</summary>
    private async Task ProcureAsync(LocalDate day)
    {
        var at = At(day, 18, 30);
        foreach (var notice in notifier.SentToStaff.Where(n => n.Template == "low-stock" && _handled.Add(n.IdempotencyKey)))
        {
            var item = new StockItemId(new WarehouseId(notice.Subject.Id.Split('/')[0]), notice.Subject.Id.Split('/')[1]);
            if ((await engine.GetAsync(item).ConfigureAwait(false))?.Aggregate is not { } stock)
            {
                continue;
            }

            _alerts++;
            var quantity = Math.Max(20, 2 * stock.LastWeekSales(StockItem.WeekOf(day)));
            var price = Catalogue.Items.First(i => i.Sku == item.Sku).Price;
            var request = new ProcurementRequestId(string.Create(CultureInfo.InvariantCulture, $"P-{day:yyyyMMdd}-{item.Warehouse}-{item.Sku}"));
            var amount = new Money(decimal.Round(quantity * price * 0.6m, 2));
            _ = await RunAsync(new RequestProcurement(new CommandId($"stock/{request}/request"), Receiver, at, request, item, quantity, amount,
                $"low stock: {stock.OnHand} on hand, last week's sales {stock.LastWeekSales(StockItem.WeekOf(day))}")).ConfigureAwait(false);
            var approved = await RunAsync(new ApproveProcurement(new CommandId($"stock/{request}/approve"), Operations, at, request)).ConfigureAwait(false);
            if (approved.StateAs<ProcurementRequest>().NeedsChairman)
            {
                await RunAsync(new SignOffProcurement(new CommandId($"stock/{request}/sign-off"), Chairman, at, request)).ConfigureAwait(false);
                _signedOff++;
            }

            _procurements++;
            if (_procurements <= 3)
            {
                _log.Add(string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd} low stock of {item}: {stock.OnHand} on hand → procurement {request} of {quantity} for {amount}{(approved.StateAs<ProcurementRequest>().NeedsChairman ? ", signed off by the chairman" : "")}"));
            }

            var arrives = engine.Policy.Calendar.NextWorkingDay(day);
            var note = "DN-" + request.Number;
            _arrivals.Add((arrives, new ReceiveStock(new CommandId($"stock/{note}/{item.Sku}"), Receiver, At(arrives, 7, 30), item, note, arrives, quantity, quantity)));
        }
    }

    /// <summary>WH-3, WH-6: the Saturday stocktake of the main warehouse; the first one finds damaged units, explained with a reason and a responsible person.</summary>
    private async Task StocktakeAsync(LocalDate day, LocalDate first)
    {
        var at = At(day, 17, 30);
        var stocktake = string.Create(CultureInfo.InvariantCulture, $"ST-{day:yyyyMMdd}");
        var damageDone = day > first.PlusDays(6);
        foreach (var (sku, _, _) in Catalogue.Items)
        {
            var item = new StockItemId(WarehouseId.Main, sku);
            if ((await engine.GetAsync(item).ConfigureAwait(false))?.Aggregate is not { } stock)
            {
                continue;
            }

            var damage = !damageDone && stock.Available >= 3 ? 3 : 0;
            damageDone |= damage > 0;
            var counted = await RunAsync(new CountStock(new CommandId($"stock/{stocktake}/{sku}"), Counter, at, item, stocktake, stock.OnHand, stock.OnHand - damage,
                damage == 0 ? [] : [new StockDifference(StockDifferenceKind.Damage, damage, "forklift damage in aisle 4", "wh-qian")]), readsCurrentState: true).ConfigureAwait(false);
            if (counted.IsAccepted)
            {
                _counted++;
                if (damage > 0)
                {
                    _damaged++;
                    _log.Add(string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd} stocktake {stocktake} {item}: booked {stock.OnHand}, counted {stock.OnHand - damage}: {damage} damaged (forklift damage in aisle 4; responsible wh-qian)"));
                }
            }
        }
    }
}

using System.Globalization;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Ledgers;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.SampleHost;

/// <summary>
/// The ledgers in the sample (FIN-1, FIN-2, SEC-1): every accepted decision is fed to the sales ledger as a host would
/// (<see cref="SalesLedgerFeed"/>); the daily ledgers close by their durable timer at 09:00 on the next working day while
/// the simulation pumps its timers; at the end the closed ledgers and the month's settlement on the 25th (or the working
/// day the policy moves it to) are exported as CSV and JSON through a <see cref="FileReportSink"/>.
/// </summary>
internal sealed class LedgerScenario
{
    private static readonly Actor HeadquartersFinance = new("fin-sun", ActorRole.HeadquartersFinance);
    private readonly EcomEngine _engine;
    private readonly FileReportSink _sink;
    private readonly long _seed;

    public LedgerScenario(EcomEngine engine, FileReportSink sink, long seed)
    {
        _engine = engine;
        _sink = sink;
        _seed = seed;
    }

    /// <summary>Records the decision's payments, refunds and cancellations on their days' ledgers (FIN-1).</summary>
    public async Task FeedAsync(Decision decision, Instant now)
    {
        foreach (var entry in SalesLedgerFeed.CommandsFor(decision, now, _engine.Policy))
        {
            var recorded = await _engine.ExecuteAsync(entry).ConfigureAwait(false);
            if (recorded.IsRefused && recorded.Code != RefusalCode.CommandIdReused)
            {
                throw new InvalidOperationException($"The ledger refused {entry.Reference}: {recorded.RuleId} {recorded.Reason}");
            }
        }
    }

    /// <summary>Exports every closed daily ledger from <paramref name="first"/> to <paramref name="end"/> and closes the settlements due in between; prints what it did.</summary>
    public async Task FinishAsync(LocalDate first, Instant end, TextWriter output)
    {
        var policy = _engine.Policy;
        var last = policy.Calendar.DateOf(end);
        int closed = 0, flagged = 0;
        decimal paid = 0m, refunded = 0m;
        var sold = new SortedDictionary<LocalDate, decimal>();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ledgers (FIN-1): each working day's sales ledger at {policy.Ledgers.DailyLedgerTime:HH:mm} on the next working day, by a durable timer; exported to {_sink.DirectoryPath}"));
        for (var day = first; day <= last; day = day.PlusDays(1))
        {
            if ((await _engine.GetAsync(new SalesDayId(day)).ConfigureAwait(false))?.Aggregate is not { IsClosed: true } sales)
            {
                continue;
            }

            var ledger = sales.Ledger();
            var (csv, _) = await _sink.ExportAsync(LedgerReports.DailyLedger(ledger)).ConfigureAwait(false);
            closed++;
            flagged += ledger.IsFlagged ? 1 : 0;
            paid += ledger.Paid.Yuan;
            refunded += ledger.Refunded.Yuan;
            sold[day] = ledger.Paid.Yuan;
            if (ledger.Lines.Length > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {day:yyyy-MM-dd ddd}  {ledger.Lines.Length,4} orders  paid {ledger.Paid,14}  refunded {ledger.Refunded,12}  {(ledger.IsFlagged ? "FLAGGED" : "checked")}  {Path.GetFileName(csv)} (+ .json)"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {closed} daily ledgers closed, {flagged} flagged; paid CNY {paid:0.00}, refunded CNY {refunded:0.00}"));

        // FIN-2: a month's settlement covers the ledger days after the previous month's settlement date, up to its own.
        for (var month = new YearMonth(first.Year, first.Month); month.OnDayOfMonth(1) <= last; month = month.PlusMonths(1))
        {
            var from = policy.Ledgers.SettlementDate(month.PlusMonths(-1), policy.Calendar);
            var to = policy.Ledgers.SettlementDate(month, policy.Calendar);
            var sales = sold.Where(d => d.Key > from && d.Key <= to).Sum(d => d.Value);
            await SettleAsync(month, new Money(sales), end, output).ConfigureAwait(false);
        }
    }

    // FIN-2: sales, division finance and headquarters finance report their totals; the sample's finance systems are the
    // closed ledgers themselves, so they agree — except a first try with headquarters one fen off, which is refused.
    private async Task SettleAsync(YearMonth month, Money sales, Instant end, TextWriter output)
    {
        var policy = _engine.Policy;
        var date = policy.Ledgers.SettlementDate(month, policy.Calendar);
        var at = policy.Calendar.InstantOf(date, new LocalTime(16, 0));
        if (at > end)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Settlement (FIN-2) of {new MonthlySettlementId(month)}: due {date:yyyy-MM-dd}, after this run"));
            return;
        }

        var id = new MonthlySettlementId(month);
        var offByAFen = sales + Money.FromFen(1);
        var refused = await _engine.ExecuteAsync(new CloseMonthlySettlement(new CommandId($"{_seed}/settlement/{id}/first"), HeadquartersFinance, at, month, sales, sales, offByAFen)).ConfigureAwait(false);
        var agreed = await _engine.ExecuteAsync(new CloseMonthlySettlement(new CommandId($"{_seed}/settlement/{id}/agreed"), HeadquartersFinance, at, month, sales, sales, sales)).ConfigureAwait(false);
        if (agreed.IsRefused || (await _engine.GetAsync(id).ConfigureAwait(false))?.Aggregate is not { } settlement)
        {
            output.WriteLine($"Settlement (FIN-2) of {id}: not closed: {agreed.RuleId} {agreed.Reason}");
            return;
        }

        var (csv, _) = await _sink.ExportAsync(LedgerReports.Settlement(settlement)).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Settlement (FIN-2) of {id}: closed on {settlement.SettlementDate:yyyy-MM-dd ddd} (the {policy.Ledgers.SettlementDay}th, else the {(policy.Ledgers.Shift == Policies.SettlementShift.PreviousWorkingDay ? "previous" : "next")} working day) with {settlement.Total} agreed three ways; a try with headquarters finance at {offByAFen} was {(refused.IsRefused ? "refused (" + refused.RuleId + ")" : "accepted?!")}; {Path.GetFileName(csv)} (+ .json)"));
    }
}

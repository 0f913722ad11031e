using System.Globalization;
using EcomRules.Customers;
using EcomRules.Ports;

namespace EcomRules.Ledgers;

/// <summary>
/// The ledgers as <see cref="TabularReport"/>s for an <see cref="IReportSink"/> (FIN-1, FIN-2). Buyer names are masked
/// (SEC-1): a ledger holds masked names only, and they are masked again here (masking a masked name changes
/// nothing). Amounts are yuan with two decimals, invariant culture.
/// </summary>
public static class LedgerReports
{
    private static readonly string[] LedgerColumns = ["order", "buyer", "order_total", "paid", "refunded", "cancelled", "status", "problem"];

    /// <summary>The daily sales ledger as a report named <c>sales-ledger-{yyyy-MM-dd}</c>, with a totals row last (FIN-1).</summary>
    /// <param name="ledger">The ledger.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is null.</exception>
    public static TabularReport DailyLedger(DailyLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var day = ledger.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = new List<string?[]>(ledger.Lines.Length + 1);
        foreach (var line in ledger.Lines)
        {
            rows.Add([line.Order.Value, PersonalDataMask.Name(line.Buyer), Yuan(line.OrderTotal), Yuan(line.Paid), Yuan(line.Refunded), Yuan(line.Cancelled),
                line.IsMismatch ? "MISMATCH" : "ok", line.Problem]);
        }

        rows.Add(["TOTAL", null, null, Yuan(ledger.Paid), Yuan(ledger.Refunded), Yuan(ledger.Cancelled),
            ledger.IsFlagged ? "FLAGGED" : "ok", ledger.Mismatches.ToString(CultureInfo.InvariantCulture) + " mismatches"]);
        var notes = new List<string>(2);
        if (ledger.Mismatches > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"FIN-1: {ledger.Mismatches} orders' payment status does not check out."));
        }

        if (ledger.LateEntries > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"FIN-1: {ledger.LateEntries} entries were recorded after the ledger closed."));
        }

        return new TabularReport("sales-ledger-" + day, string.Create(CultureInfo.InvariantCulture,
            $"Daily sales ledger of {day} (FIN-1): {ledger.Lines.Length} orders{(ledger.IsFlagged ? ", FLAGGED" : string.Empty)}"), LedgerColumns, rows, notes);
    }

    /// <summary>A closed monthly settlement as a report named <c>settlement-{yyyy-MM}</c> (FIN-2).</summary>
    /// <param name="settlement">The settlement.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settlement"/> is null.</exception>
    public static TabularReport Settlement(MonthlySettlement settlement)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        var total = Yuan(settlement.Total);
        var date = settlement.SettlementDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new TabularReport("settlement-" + settlement.Id, $"Monthly settlement of {settlement.Id} (FIN-2), due {date}", ["party", "total", "agreed"],
            [["sales", total, "yes"], ["division-finance", total, "yes"], ["headquarters-finance", total, "yes"]],
            [string.Create(CultureInfo.InvariantCulture, $"Closed at {settlement.ClosedAt} by {settlement.ClosedBy}.")]);
    }

    private static string Yuan(Money amount) => amount.Yuan.ToString("0.00", CultureInfo.InvariantCulture);
}

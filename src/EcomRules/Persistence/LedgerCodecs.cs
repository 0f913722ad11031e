using System.Collections.Immutable;
using EcomRules.Ledgers;
using EcomRules.Ledgers.Events;
using EcomRules.Orders;
using NodaTime;

namespace EcomRules.Persistence;

/// <summary>The codecs of the ledgers (FIN-1, FIN-2) and their events. Field names are stable: never rename one once data exists.</summary>
internal static class LedgerCodecs
{
    public static ImmutableArray<JsonCodec> All { get; } =
    [
        Codec.Aggregate<SalesDay>("SalesDay", WriteDay, ReadDay),
        Codec.Event("DailyLedgerClosed", static (f, e) => f.Date("day", e.Day).Int("orders", e.Orders).Money("paid", e.Paid).Money("refunded", e.Refunded)
                .Int("mismatches", e.Mismatches),
            static (r, source, at) => new DailyLedgerClosed(source, at, r.Date("day"), r.Int("orders"), r.Money("paid"), r.Money("refunded"), r.Int("mismatches"))),
        Codec.Aggregate<MonthlySettlement>("MonthlySettlement", WriteSettlement, ReadSettlement),
        Codec.Event("MonthlySettlementClosed", static (f, e) => f.Date("settlementDate", e.SettlementDate).Money("total", e.Total),
            static (r, source, at) => new MonthlySettlementClosed(source, at, r.Date("settlementDate"), r.Money("total"))),
    ];

    private static void WriteDay(JsonFields f, SalesDay day)
    {
        f.Date("day", day.Day).Instant("closedAt", day.ClosedAt).Int("entriesAtClose", day.EntriesAtClose)
            .Array("entries", day.Entries, static (e, x) => e.String("reference", x.Reference).String("order", x.Order.Value).Enum("kind", x.Kind)
                .Money("amount", x.Amount).Instant("at", x.At).String("buyer", x.Buyer).Money("orderTotal", x.OrderTotal).Money("orderPaid", x.OrderPaid)
                .Money("orderRefunded", x.OrderRefunded));
    }

    private static SalesDay ReadDay(JsonRecord r)
    {
        var entries = r.Array("entries", static e => new SalesEntry(e.String("reference"), new OrderId(e.String("order")), e.Enum<SalesEntryKind>("kind"),
            e.Money("amount"), e.Instant("at"), e.String("buyer"), e.Money("orderTotal"), e.Money("orderPaid"), e.Money("orderRefunded")));
        var closedAt = r.OptionalInstant("closedAt");
        var atClose = r.Int("entriesAtClose");
        if (atClose < 0 || atClose > entries.Length || (closedAt is null && atClose != 0))
        {
            throw new System.Text.Json.JsonException($"A stored sales day has {entries.Length} entries and {atClose} at its close (FIN-1).");
        }

        return SalesDay.Rehydrate(new SalesDayId(r.Date("day")), entries, closedAt, atClose);
    }

    private static void WriteSettlement(JsonFields f, MonthlySettlement s)
        => f.Int("year", s.Id.Month.Year).Int("month", s.Id.Month.Month).Date("settlementDate", s.SettlementDate).Money("total", s.Total)
            .Instant("closedAt", s.ClosedAt).String("closedBy", s.ClosedBy);

    private static MonthlySettlement ReadSettlement(JsonRecord r)
        => new(new MonthlySettlementId(new YearMonth(r.Int("year"), r.Int("month"))), r.Date("settlementDate"), r.Money("total"), r.Instant("closedAt"), r.String("closedBy"));
}

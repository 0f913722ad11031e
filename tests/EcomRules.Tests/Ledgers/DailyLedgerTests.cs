using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Ledgers;
using EcomRules.Ledgers.Events;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Processing;
using EcomRules.Refunds;
using EcomRules.Tests.Returns;
using NodaTime;

namespace EcomRules.Tests.Ledgers;

public sealed class DailyLedgerTests
{
    private static readonly LocalDate Tuesday = new(2026, 3, 3);
    private static readonly LocalDate Wednesday = new(2026, 3, 4);
    private static readonly LocalDate Saturday = new(2026, 3, 7);
    private static readonly LocalDate Monday = new(2026, 3, 9);

    private static Instant At(LocalDate day, int hour, int minute = 0) => ReturnFixture.At(day.Year, day.Month, day.Day, hour, minute);

    [Fact]
    [Trait("Rule", "FIN-1")]
    public void FIN1_the_ledger_of_a_day_lists_its_payments_refunds_and_cancellations_with_the_payment_status_checked()
    {
        var f = new LedgerFixture();
        var a = f.PlaceAndPay("L-A", At(Tuesday, 10));
        var b = f.PlaceAndPay("L-B", At(Tuesday, 11));
        Assert.True(f.Run(new CancelOrder(f.Orders.NextId(), ReturnFixture.Buyer, At(Tuesday, 12), b.Id, "changed my mind")).IsAccepted);
        Assert.True(f.PayRefundNow(RefundId.ForCancellation(b.Id), At(Tuesday, 14)).IsAccepted);
        f.PlaceAndPay("L-C", At(Wednesday, 10)); // another day's sale

        var closed = f.Close(Tuesday, At(Wednesday, 9));

        Assert.True(closed.IsAccepted, closed.Reason);
        var ledger = closed.StateAs<SalesDay>().Ledger();
        Assert.Equal(["L-A", "L-B"], ledger.Lines.Select(l => l.Order.Value));
        Assert.Equal(a.Total + b.Total, ledger.Paid);
        Assert.Equal(b.Total, ledger.Refunded);
        Assert.Equal(b.Total, ledger.Cancelled);
        Assert.False(ledger.IsFlagged);
        Assert.All(ledger.Lines, l => Assert.Null(l.Problem));
        var e = Assert.IsType<DailyLedgerClosed>(Assert.Single(closed.Events));
        Assert.Equal((2, a.Total + b.Total, b.Total, 0), (e.Orders, e.Paid, e.Refunded, e.Mismatches));
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    public void FIN1_the_ledger_is_produced_at_09_00_on_the_first_working_day_after_and_not_before()
    {
        var f = new LedgerFixture();
        f.PlaceAndPay("L-S", At(Saturday, 16));
        var early = f.Close(Saturday, At(Monday, 8, 59));
        Assert.Equal(RuleIds.Fin1, early.RuleId);
        Assert.Contains("09:00", early.Reason, StringComparison.Ordinal);
        Assert.False(f.Day(Saturday)!.IsClosed); // nothing changed
        Assert.True(f.Close(Saturday, At(Monday, 9)).IsAccepted); // Sunday is rest: Monday is the first working day after
        Assert.Equal(At(Monday, 9), f.Day(Saturday)!.ClosedAt);
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    public void FIN1_the_time_of_the_ledger_is_a_policy_setting()
    {
        var builder = EcomPolicy.RetailPlatform.ToBuilder();
        builder.Ledgers = new LedgerPolicy(new LocalTime(10, 30));
        var f = new LedgerFixture(builder.Build());
        Assert.Equal(At(Wednesday, 10, 30), f.Policy.Ledgers.DailyLedgerDue(Tuesday, f.Policy.Calendar));
        Assert.Equal(RuleIds.Fin1, f.Close(Tuesday, At(Wednesday, 9)).RuleId);
        Assert.True(f.Close(Tuesday, At(Wednesday, 10, 30)).IsAccepted);
        Assert.Equal(new LocalTime(9, 0), LedgerPolicy.Default.DailyLedgerTime);
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    public async Task FIN1_a_durable_timer_registered_with_the_scheduler_produces_the_ledger_and_the_next_days()
    {
        Assert.True(EcomModules.TimerHandlers.Handles(SalesDayId.Kind, SalesDayCommand.DailyLedgerTimerKind));
        var f = new LedgerFixture();
        f.PlaceAndPay("L-T", At(Tuesday, 10));
        var scheduler = new TimerScheduler(f.Orders.Store, f.Orders.Engine);

        await scheduler.RunOnceAsync("s", At(Wednesday, 8, 59));
        Assert.False(f.Day(Tuesday)!.IsClosed);
        await scheduler.RunOnceAsync("s", At(Wednesday, 9));
        Assert.True(f.Day(Tuesday)!.IsClosed);
        Assert.Null(f.Day(Wednesday)); // a day without sales: its ledger comes from the chained timer
        await scheduler.RunOnceAsync("s", At(new LocalDate(2026, 3, 5), 9));
        Assert.Empty(f.Day(Wednesday)!.Entries);
        Assert.True(f.Day(Wednesday)!.IsClosed);
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    public void FIN1_a_sale_on_a_rest_day_is_on_the_next_working_days_ledger()
    {
        var f = new LedgerFixture();
        var sunday = new LocalDate(2026, 3, 8);
        f.PlaceAndPay("L-SUN", At(sunday, 15));
        Assert.Null(f.Day(sunday));
        Assert.Equal("L-SUN", Assert.Single(f.Day(Monday)!.Entries).Order.Value);
        Assert.Equal(RuleIds.Fin1, f.Close(sunday, At(new LocalDate(2026, 3, 10), 9)).RuleId); // a rest day has no ledger of its own
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    public void FIN1_a_payment_that_does_not_match_the_order_total_flags_the_day_and_is_not_hidden()
    {
        var f = new LedgerFixture();
        var order = f.PlaceAndPay("L-M", At(Tuesday, 10));
        // An entry reported by an outside payment system for less than the order total.
        Assert.True(f.Orders.RunNow(new RecordSalesEntry(f.Orders.NextId(), Actor.System, At(Tuesday, 11), Tuesday, SalesEntryKind.Payment, order.Id,
            new Money(1m), At(Tuesday, 11), "bank/1")).IsAccepted);
        var closed = f.Close(Tuesday, At(Wednesday, 9));
        Assert.True(closed.IsAccepted);
        var line = Assert.Single(closed.StateAs<SalesDay>().Ledger().Lines);
        Assert.True(line.IsMismatch);
        Assert.Contains("order total", line.Problem, StringComparison.Ordinal);
        Assert.Equal(1, Assert.IsType<DailyLedgerClosed>(Assert.Single(closed.Events)).Mismatches);
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    public void FIN1_refunds_above_what_was_paid_are_a_mismatch()
    {
        var order = new OrderId("L-R");
        var at = At(Tuesday, 10);
        var paid = new Money(100m);
        SalesEntry[] entries =
        [
            new("p", order, SalesEntryKind.Payment, paid, at, "张*", paid, paid, Money.Zero),
            new("r1", order, SalesEntryKind.Refund, new Money(60m), at, "张*", paid, paid, new Money(60m)),
            new("r2", order, SalesEntryKind.Refund, new Money(60m), at, "张*", paid, paid, new Money(120m)),
        ];
        var ledger = DailyLedger.Build(Tuesday, entries);
        Assert.Contains("REF-1", Assert.Single(ledger.Lines).Problem, StringComparison.Ordinal);
        Assert.True(ledger.IsFlagged);
        Assert.False(DailyLedger.Build(Tuesday, entries[..2]).IsFlagged);
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    public void FIN1_an_entry_after_the_close_is_kept_and_flags_the_day()
    {
        var f = new LedgerFixture();
        var order = f.PlaceAndPay("L-L", At(Tuesday, 10));
        Assert.True(f.Close(Tuesday, At(Wednesday, 9)).IsAccepted);
        var late = f.Orders.RunNow(new RecordSalesEntry(f.Orders.NextId(), Actor.System, At(Wednesday, 10), Tuesday, SalesEntryKind.Cancellation, order.Id,
            order.Total, At(Tuesday, 23, 59), "late/1"));
        Assert.True(late.IsAccepted);
        var ledger = f.Day(Tuesday)!.Ledger();
        Assert.Equal(1, ledger.LateEntries);
        Assert.True(ledger.IsFlagged);
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    public void FIN1_bad_entries_are_refused_naming_the_rule_and_change_nothing()
    {
        var f = new LedgerFixture();
        var order = f.PlaceAndPay("L-X", At(Tuesday, 10));
        var key = new SalesDayId(Tuesday).Key;
        var version = f.VersionOf(key);
        var entries = f.Day(Tuesday)!.Entries;
        RecordSalesEntry Entry(LocalDate day, OrderId id, Instant occurred, string reference, decimal amount = 10m)
            => new(f.Orders.NextId(), Actor.System, At(Tuesday, 18), day, SalesEntryKind.Refund, id, new Money(amount), occurred, reference);

        Decision[] refused =
        [
            f.Orders.RunNow(Entry(Wednesday, order.Id, At(Tuesday, 11), "wrong-day")),
            f.Orders.RunNow(Entry(Tuesday, new OrderId("NOPE"), At(Tuesday, 11), "unknown-order")),
            f.Orders.RunNow(Entry(Tuesday, order.Id, At(Tuesday, 19), "future")),
            f.Orders.RunNow(Entry(Tuesday, order.Id, At(Tuesday, 11), "zero", 0m)),
            f.Orders.RunNow(Entry(Tuesday, order.Id, At(Tuesday, 11), " ")),
            f.Orders.RunNow(Entry(Tuesday, order.Id, At(Tuesday, 11), entries[0].Reference)),
        ];

        Assert.All(refused, d => Assert.Equal((DecisionStatus.Refused, RuleIds.Fin1), (d.Status, d.RuleId)));
        Assert.Equal(version, f.VersionOf(key));
        Assert.Equal(entries, f.Day(Tuesday)!.Entries);
        Assert.True(f.Close(Tuesday, At(Wednesday, 9)).IsAccepted);
        var twice = f.Close(Tuesday, At(Wednesday, 10));
        Assert.Equal((RefusalCode.AlreadyExists, RuleIds.Fin1), (twice.Code, twice.RuleId));
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    public void FIN1_the_feed_records_a_message_once_and_ignores_other_events()
    {
        var f = new LedgerFixture();
        var order = f.PlaceAndPay("L-F", At(Tuesday, 10));
        var entry = Assert.Single(f.Day(Tuesday)!.Entries);
        Assert.Equal((SalesEntryKind.Payment, order.Total, order.Total), (entry.Kind, entry.Amount, entry.OrderTotal));
        var again = f.Orders.RunNow(new RecordSalesEntry(new CommandId(entry.Reference + "/ledger"), Actor.System, At(Tuesday, 10), Tuesday, SalesEntryKind.Payment,
            order.Id, order.Total, entry.At, entry.Reference));
        Assert.True(again.IsReplay); // a redelivered message: the same command ID, no second entry
        Assert.Single(f.Day(Tuesday)!.Entries);
        Assert.DoesNotContain(order.Buyer.Name, entry.Buyer, StringComparison.Ordinal); // SEC-1: the ledger keeps the masked name
    }
}

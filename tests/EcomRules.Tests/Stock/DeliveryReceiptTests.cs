using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Inventory;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Stock;
using EcomRules.Stock.Events;
using NodaTime;

namespace EcomRules.Tests.Stock;

public sealed class DeliveryReceiptTests
{
    private static readonly DeliveryReceiptId Delivery = new(WarehouseId.Main, "DN-9");
    private static readonly StockItemId A = new(WarehouseId.Main, "SKU-A");
    private static readonly StockItemId B = new(WarehouseId.Main, "SKU-B");

    private static (StockFixture F, TimerRequest Timer) Arrived()
    {
        var f = new StockFixture();
        var arrived = f.Run(new RecordDeliveryArrival(f.NextId(), StockFixture.Receiver, StockFixture.Now, Delivery, [new StockLine("SKU-A", 10), new StockLine("SKU-B", 4)]));
        Assert.True(arrived.IsAccepted, arrived.Reason);
        var timer = Assert.Single(f.Store.Timers, t => t.Target == Delivery.Key);
        return (f, timer);
    }

    private static ReceiveStock Line(StockFixture f, StockItemId item, int expected, int received, string? reason = null)
        => new(f.NextId(), StockFixture.Receiver, StockFixture.Now + Duration.FromHours(1), item, "DN-9", StockFixture.Today, expected, received, 0, false, reason);

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_a_delivery_is_due_stocked_in_by_the_end_of_its_arrival_working_day()
    {
        var (_, timer) = Arrived();
        // Tuesday 2026-03-03: working hours end at 18:00 (DSP-4).
        Assert.Equal(new LocalDateTime(2026, 3, 3, 18, 0).InZoneStrictly(StockFixture.Zone).ToInstant(), timer.DueAt);
        Assert.Equal(RecordDeliveryArrival.DeadlineTimerKind, timer.Kind);
        Assert.True(EcomModules.TimerHandlers.Handles(DeliveryReceiptId.Kind, RecordDeliveryArrival.DeadlineTimerKind));
    }

    [Theory]
    [Trait("Rule", "WH-2")]
    [InlineData(17, 59, 3)] // in working hours: due at the end of the day
    [InlineData(18, 0, 4)] // at the end of working hours (an exclusive end): due at the end of the next working day
    [InlineData(18, 1, 4)]
    public void WH2_a_delivery_arriving_as_working_hours_end_is_due_by_the_next_working_day(int hour, int minute, int dueDay)
    {
        var f = new StockFixture();
        var at = new LocalDateTime(2026, 3, 3, hour, minute).InZoneStrictly(StockFixture.Zone).ToInstant();
        Assert.True(f.Run(new RecordDeliveryArrival(f.NextId(), StockFixture.Receiver, at, Delivery, [new StockLine("SKU-A", 10)])).IsAccepted);

        var timer = Assert.Single(f.Store.Timers, t => t.Target == Delivery.Key);
        Assert.Equal(new LocalDateTime(2026, 3, dueDay, 18, 0).InZoneStrictly(StockFixture.Zone).ToInstant(), timer.DueAt);
        Assert.True(timer.DueAt > at);
    }

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_checking_every_line_against_the_document_completes_the_delivery_and_cancels_its_timer()
    {
        var (f, _) = Arrived();
        f.Ok(Line(f, A, 10, 10));
        f.Ok(Line(f, B, 4, 3, "one carton short"));
        var receipt = (DeliveryReceipt)f.Store.LoadAsync(Delivery.Key).Result!.State;
        Assert.True(receipt.IsComplete);
        Assert.DoesNotContain(f.Store.Timers, t => t.Target == Delivery.Key);
        Assert.Equal(3, f.Item(B)!.OnHand);
    }

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_a_line_that_does_not_match_its_document_or_is_checked_twice_is_refused_naming_WH2()
    {
        var (f, _) = Arrived();
        Assert.Equal(RuleIds.Wh2, f.Refused(Line(f, A, 12, 12)).RuleId);
        Assert.Equal(RuleIds.Wh2, f.Refused(Line(f, new StockItemId(WarehouseId.Main, "SKU-Z"), 1, 1)).RuleId);
        f.Ok(Line(f, A, 10, 10));
        Assert.Equal(RuleIds.Wh2, f.Refused(Line(f, A, 10, 10)).RuleId);
        Assert.Equal(10, f.Item(A)!.OnHand);
    }

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_a_delivery_not_stocked_in_by_the_end_of_its_arrival_day_breaches_and_tells_the_warehouse()
    {
        var (f, timer) = Arrived();
        f.Ok(Line(f, A, 10, 10));
        var command = EcomModules.TimerHandlers.CommandFor(new DueTimer(timer.TimerId, timer.Target, timer.Kind, timer.DueAt!.Value))!;
        var fired = f.Run(command);
        Assert.True(fired.IsAccepted, fired.Reason);
        Assert.True(((DeliveryReceipt)fired.State!).Breached);
        Assert.Equal(1, Assert.Single(fired.Events.OfType<StockInBreached>()).OpenLines);
        Assert.Equal(ActorRole.Warehouse, Assert.Single(fired.Events.OfType<StaffNotificationRequested>()).Recipient);
    }

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_a_delivery_without_lines_or_with_a_zero_quantity_is_refused_naming_WH2()
    {
        var f = new StockFixture();
        Assert.Equal(RuleIds.Wh2, f.Run(new RecordDeliveryArrival(f.NextId(), StockFixture.Receiver, StockFixture.Now, Delivery, [])).RuleId);
        Assert.Equal(RuleIds.Wh2, f.Run(new RecordDeliveryArrival(f.NextId(), StockFixture.Receiver, StockFixture.Now, Delivery, [new StockLine("SKU-A", 0)])).RuleId);
        Assert.Null(f.Store.LoadAsync(Delivery.Key).Result);
    }
}

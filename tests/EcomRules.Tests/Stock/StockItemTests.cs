using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using EcomRules.Stock;
using EcomRules.Stock.Events;

namespace EcomRules.Tests.Stock;

public sealed class StockItemTests
{
    private static readonly StockItemId Main = StockFixture.Main;

    private static StockFixture Stocked(int quantity)
    {
        var f = new StockFixture();
        f.Ok(f.Receive(Main, quantity));
        return f;
    }

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_a_matching_receipt_stocks_in_what_arrived_with_one_movement()
    {
        var f = new StockFixture();
        var item = f.Ok(f.Receive(Main, 10));
        Assert.Equal((10, 0, 10), (item.OnHand, item.Reserved, item.Available));
        var received = Assert.Single(f.Events.OfType<StockReceived>());
        Assert.Equal((10, 10, 0, 10, false, false), (received.Expected, received.Received, received.Difference, received.StockedIn, received.Refused, received.Late));
        Assert.Null(received.DifferenceReason);
        var moved = Assert.Single(f.Movements(Main));
        Assert.Equal((StockMovementKind.Receipt, 10, 0, "DN-1"), (moved.Kind, moved.OnHandChange, moved.ReservedChange, moved.Reference));
    }

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_a_short_delivery_with_damaged_units_records_the_difference_and_the_reason()
    {
        var f = new StockFixture();
        var item = f.Ok(new ReceiveStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, Main, "DN-7", StockFixture.Today, 10, 8, 1, false, "two missing, one carton crushed"));
        Assert.Equal(7, item.OnHand);
        var received = Assert.Single(f.Events.OfType<StockReceived>());
        Assert.Equal((-2, 1, 7), (received.Difference, received.Damaged, received.StockedIn));
        Assert.Equal("two missing, one carton crushed", received.DifferenceReason);
    }

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_a_difference_without_a_reason_is_refused_and_changes_nothing()
    {
        var f = new StockFixture();
        var refused = f.Refused(new ReceiveStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, Main, "DN-7", StockFixture.Today, 10, 9));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Wh2), (refused.Code, refused.RuleId));
        Assert.Null(f.Item(Main));
    }

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_the_receiver_may_refuse_a_line_which_is_recorded_but_stocks_nothing_in()
    {
        var f = Stocked(4);
        var item = f.Ok(new ReceiveStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, Main, "DN-8", StockFixture.Today, 10, 10, 6, true, "most of the batch is wet"));
        Assert.Equal(4, item.OnHand);
        var received = f.Events.OfType<StockReceived>().Last();
        Assert.True(received.Refused);
        Assert.Equal(0, received.StockedIn);
        Assert.Single(f.Movements(Main)); // only the first receipt moved stock
    }

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_a_receipt_dated_in_the_future_is_refused()
    {
        var f = new StockFixture();
        var refused = f.Refused(new ReceiveStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, Main, "DN-9", StockFixture.Today.PlusDays(1), 5, 5));
        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Wh2), (refused.Code, refused.RuleId));
        Assert.Contains("2026-03-04", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "WH-2")]
    public void WH2_a_receipt_stocked_in_after_its_arrival_day_is_accepted_and_recorded_late()
    {
        var f = new StockFixture();
        f.Ok(new ReceiveStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, Main, "DN-9", StockFixture.Today.PlusDays(-1), 5, 5));
        Assert.True(Assert.Single(f.Events.OfType<StockReceived>()).Late);
    }

    [Theory]
    [Trait("Rule", "WH-2")]
    [InlineData(0, 0, 0)]
    [InlineData(-1, 0, 0)]
    [InlineData(5, -1, 0)]
    [InlineData(5, 5, 6)]
    [InlineData(5, 5, -1)]
    public void WH2_impossible_receipt_quantities_are_refused(int expected, int received, int damaged)
    {
        var f = new StockFixture();
        var refused = f.Refused(new ReceiveStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, Main, "DN-1", StockFixture.Today, expected, received, damaged, false, "why"));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Wh2), (refused.Code, refused.RuleId));
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_reserve_release_and_consume_move_on_hand_and_reserved()
    {
        var f = Stocked(10);
        Assert.Equal((10, 4, 6), Figures(f.Ok(f.Reserve(Main, 4))));
        Assert.Equal((10, 3, 7), Figures(f.Ok(f.Release(Main, 1))));
        Assert.Equal((8, 1, 7), Figures(f.Ok(f.Consume(Main, 2))));
        Assert.Equal([StockMovementKind.Receipt, StockMovementKind.Reservation, StockMovementKind.Release, StockMovementKind.Consumption],
            f.Movements(Main).Select(m => m.Kind));
        Assert.Equal(4, f.Item(Main)!.Movements);
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_a_reservation_beyond_what_is_available_is_refused_and_changes_nothing()
    {
        var f = Stocked(5);
        f.Ok(f.Reserve(Main, 3, "O-1"));
        var refused = f.Refused(f.Reserve(Main, 3, "O-2"));
        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Wh3), (refused.Code, refused.RuleId));
        Assert.Contains("2 available", refused.Reason, StringComparison.Ordinal);
        Assert.Equal((5, 3, 2), Figures(f.Item(Main)!));
        f.Ok(f.Reserve(Main, 2, "O-2")); // the last units
        Assert.Equal(RuleIds.Wh3, f.Refused(f.Reserve(Main, 1, "O-3")).RuleId);
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_releasing_or_shipping_more_than_is_reserved_is_refused()
    {
        var f = Stocked(5);
        f.Ok(f.Reserve(Main, 2));
        Assert.Equal(RuleIds.Wh3, f.Refused(f.Release(Main, 3)).RuleId);
        Assert.Equal(RuleIds.Wh3, f.Refused(f.Consume(Main, 3)).RuleId);
        Assert.Equal((5, 2, 3), Figures(f.Item(Main)!));
    }

    [Theory]
    [Trait("Rule", "WH-3")]
    [InlineData(0)]
    [InlineData(-3)]
    public void WH3_a_zero_or_negative_quantity_is_refused(int quantity)
    {
        var f = Stocked(5);
        foreach (EcomCommand command in new EcomCommand[] { f.Reserve(Main, quantity), f.Release(Main, quantity), f.Consume(Main, quantity) })
        {
            var refused = f.Refused(command);
            Assert.Equal((RefusalCode.InvalidInput, RuleIds.Wh3), (refused.Code, refused.RuleId));
        }
    }

    [Fact]
    [Trait("Rule", "WH-1")]
    public void WH1_a_warehouse_the_routing_does_not_ship_from_is_refused()
    {
        var f = new StockFixture();
        var north = new StockItemId(new WarehouseId("north"), "SKU-A");
        var refused = f.Refused(f.Receive(north, 5));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Wh1), (refused.Code, refused.RuleId));
        f.Ok(f.Receive(StockFixture.Central, 5)); // the central warehouse of WH-1 is known
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_an_over_long_sku_is_refused_as_invalid_input()
    {
        var f = new StockFixture();
        var refused = f.Refused(f.Receive(new StockItemId(WarehouseId.Main, new string('A', 65)), 5));
        Assert.Equal(RefusalCode.InvalidInput, refused.Code);
        Assert.Contains("SKU", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_a_receipt_past_what_an_item_can_hold_is_refused_not_overflowed()
    {
        var f = Stocked(int.MaxValue);
        var refused = f.Refused(f.Receive(Main, 1, "DN-2"));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Wh3), (refused.Code, refused.RuleId));
        var huge = new StockDifference(StockDifferenceKind.Surplus, int.MaxValue, "found", "wh-7");
        Assert.Equal(RuleIds.Wh6, f.Refused(Count(f, int.MaxValue, int.MaxValue, [huge, huge])).RuleId);
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_reserving_an_item_never_received_is_not_found()
        => Assert.Equal(RefusalCode.NotFound, new StockFixture().Run(new StockFixture().Reserve(Main, 1)).Code);

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_a_repeated_command_moves_stock_once()
    {
        var f = Stocked(5);
        var reserve = f.Reserve(Main, 2);
        f.Ok(reserve);
        Assert.True(f.Run(reserve).IsReplay);
        Assert.Equal(2, f.Item(Main)!.Reserved);
    }

    [Fact]
    [Trait("Rule", "WH-6")]
    public void WH6_a_stocktake_with_explained_differences_closes_with_one_audited_movement()
    {
        var f = Stocked(10);
        var item = f.Ok(Count(f, booked: 10, counted: 9, [
            new StockDifference(StockDifferenceKind.Shortage, 2, "picked without a scan", "wh-7"),
            new StockDifference(StockDifferenceKind.Damage, 1, "shelf collapsed", "wh-8"),
            new StockDifference(StockDifferenceKind.Surplus, 2, "returned goods not booked", "wh-7"),
        ]));
        Assert.Equal(9, item.OnHand);
        Assert.Equal(StockFixture.Now, item.LastCountedAt);
        var adjustment = Assert.Single(f.Movements(Main), m => m.Kind == StockMovementKind.StocktakeAdjustment);
        Assert.Equal((-1, 0, "ST-1"), (adjustment.OnHandChange, adjustment.ReservedChange, adjustment.Reference));
        var counted = Assert.Single(f.Events.OfType<StockCounted>());
        Assert.Equal(3, counted.Differences.Length);
    }

    [Fact]
    [Trait("Rule", "WH-6")]
    public void WH6_an_unexplained_difference_is_refused_and_the_stocktake_does_not_close()
    {
        var f = Stocked(10);
        var refused = f.Refused(Count(f, 10, 8, [new StockDifference(StockDifferenceKind.Shortage, 1, "miscount", "wh-7")]));
        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Wh6), (refused.Code, refused.RuleId));
        Assert.Contains("-1 unexplained", refused.Reason, StringComparison.Ordinal);
        Assert.Null(f.Item(Main)!.LastCountedAt);
    }

    [Fact]
    [Trait("Rule", "WH-6")]
    public void WH6_the_quarterly_stocktake_is_reconciled_with_finance_and_the_event_names_them()
    {
        var f = Stocked(10);
        var finance = new Actor("fin-1", ActorRole.DivisionFinance);
        var item = f.Ok(Count(f, 10, 9, [new StockDifference(StockDifferenceKind.Damage, 1, "water damage", "wh-7")]) with { ReconciledWith = finance });
        Assert.Equal(9, item.OnHand);
        Assert.Equal("fin-1", Assert.Single(f.Events.OfType<StockCounted>()).ReconciledWith);
    }

    [Fact]
    [Trait("Rule", "WH-6")]
    public void WH6_a_quarterly_reconciliation_not_with_finance_or_with_the_counter_themselves_is_refused_and_changes_nothing()
    {
        var f = Stocked(10);
        var bySales = f.Refused(Count(f, 10, 10, []) with { ReconciledWith = new Actor("sales-1", ActorRole.Sales) });
        var byCounter = f.Refused(Count(f, 10, 10, []) with { ReconciledWith = new Actor(StockFixture.Counter.Id, ActorRole.HeadquartersFinance) });
        Assert.All([bySales, byCounter], d => Assert.Equal((RefusalCode.InvalidInput, RuleIds.Wh6), (d.Code, d.RuleId)));
        Assert.Null(f.Item(Main)!.LastCountedAt);
        Assert.Empty(f.Events.OfType<StockCounted>());
    }

    [Theory]
    [Trait("Rule", "WH-6")]
    [InlineData("", "wh-7")]
    [InlineData("lost", " ")]
    public void WH6_a_difference_without_a_reason_or_a_responsible_person_is_refused(string reason, string responsible)
    {
        var f = Stocked(10);
        var refused = f.Refused(Count(f, 10, 9, [new StockDifference(StockDifferenceKind.Shortage, 1, reason, responsible)]));
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Wh6), (refused.Code, refused.RuleId));
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_a_matching_weekly_stocktake_records_a_zero_adjustment()
    {
        var f = Stocked(10);
        Assert.Equal(10, f.Ok(Count(f, 10, 10, [])).OnHand);
        Assert.Equal(0, f.Movements(Main).Single(m => m.Kind == StockMovementKind.StocktakeAdjustment).OnHandChange);
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_a_stocktake_against_a_stale_booked_figure_or_below_the_reserved_units_is_refused()
    {
        var f = Stocked(10);
        f.Ok(f.Reserve(Main, 6));
        Assert.Equal(RuleIds.Wh3, f.Refused(Count(f, 12, 12, [])).RuleId);
        Assert.Equal(RuleIds.Wh3, f.Refused(Count(f, 10, 5, [new StockDifference(StockDifferenceKind.Shortage, 5, "theft", "wh-9")])).RuleId);
    }

    [Fact]
    [Trait("Rule", "WH-4")]
    public void WH4_the_low_stock_alert_is_raised_once_per_crossing()
    {
        var f = Stocked(10);
        f.Ok(f.Reserve(Main, 10));
        f.Ok(f.Consume(Main, 3, lastWeekSales: 8)); // 7 < 8: alert
        f.Ok(f.Consume(Main, 1)); // 6: still below, no second alert
        Assert.Single(f.Events.OfType<LowStockAlerted>());
        var restocked = f.Ok(f.Receive(Main, 5, "DN-2")); // 11 >= 8: re-armed
        Assert.False(restocked.LowStockAlerted);
        f.Ok(f.Reserve(Main, 4));
        f.Ok(f.Consume(Main, 4)); // 7 < 8 again: a second alert
        var alerts = f.Events.OfType<LowStockAlerted>().ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Equal((7, 8), (alerts[1].OnHand, alerts[1].Threshold));
    }

    [Fact]
    [Trait("Rule", "WH-4")]
    public void WH4_no_alert_without_a_threshold_or_at_the_threshold()
    {
        var f = Stocked(10);
        f.Ok(f.Reserve(Main, 5));
        f.Ok(f.Consume(Main, 2));
        f.Ok(f.Consume(Main, 1, lastWeekSales: 7)); // 7 is not below 7
        Assert.Empty(f.Events.OfType<LowStockAlerted>());
        Assert.Equal(RuleIds.Wh4, f.Refused(f.Consume(Main, 1, lastWeekSales: -1)).RuleId);
    }

    private static (int OnHand, int Reserved, int Available) Figures(StockItem item) => (item.OnHand, item.Reserved, item.Available);

    private static CountStock Count(StockFixture f, int booked, int counted, ImmutableArray<StockDifference> differences)
        => new(f.NextId(), StockFixture.Counter, StockFixture.Now, Main, "ST-1", booked, counted, differences);
}

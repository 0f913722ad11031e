using System.Globalization;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Inventory;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Returns;
using EcomRules.Stock;
using EcomRules.Stock.Events;
using EcomRules.Tests.Orders;
using EcomRules.Tests.Returns;
using NodaTime;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Stock;

/// <summary>The order flow with <see cref="EcomPolicy.StockTracking"/> on: the Stock module joins allocations, shipments, cancellations and restocked returns.</summary>
public sealed class StockOrderFlowTests
{
    internal static readonly EcomPolicy Tracked = WithTracking(EcomPolicy.RetailPlatform);

    private static readonly StockItemId Sku1 = new(WarehouseId.Main, "SKU-1");
    private static readonly StockItemId Sku2 = new(WarehouseId.Main, "SKU-2");

    internal static EcomPolicy WithTracking(EcomPolicy policy)
    {
        var builder = policy.ToBuilder();
        builder.StockTracking = true;
        return builder.Build();
    }

    private static OrderScenario Stocked(params (StockItemId Item, int Quantity)[] stock)
    {
        var s = new OrderScenario(Tracked);
        foreach (var (item, quantity) in stock)
        {
            Require(s.Execute(new ReceiveStock(s.NextId(), Warehouse, At(2026, 3, 3, 9), item, "DN-IN", new LocalDate(2026, 3, 3), quantity, quantity)));
        }

        return s;
    }

    private static StockItem Item(OrderScenario s, StockItemId id) => (StockItem)s.Store.LoadAsync(id.Key).AsTask().Result!.State;

    private static Decision PlacedToConfirmed(OrderScenario s, string id, string province = "Zhejiang", params (string Sku, int Quantity, decimal Price)[] lines)
    {
        Require(s.Place(id, StandardInstant(OrderState.Placed), PrivateBuyer(province), lines.Length == 0 ? null : Lines(lines)));
        Require(s.Pay(id, StandardInstant(OrderState.Paid)));
        return Require(s.Confirm(id, StandardInstant(OrderState.Confirmed)));
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_allocating_reserves_every_line_at_the_order_warehouse_in_the_same_change_set()
    {
        var s = Stocked((Sku1, 5), (Sku2, 5));
        PlacedToConfirmed(s, "A1", "Zhejiang", ("SKU-1", 2, 50m), ("SKU-2", 1, 30m), ("SKU-1", 1, 50m));
        var allocated = Require(s.Allocate("A1", StandardInstant(OrderState.Allocated)));

        Assert.Equal((5, 3, 2), (Item(s, Sku1).OnHand, Item(s, Sku1).Reserved, Item(s, Sku1).Available));
        Assert.Equal(1, Item(s, Sku2).Reserved);
        Assert.Equal(2, allocated.Events.OfType<StockMoved>().Count(m => m.Kind == StockMovementKind.Reservation));
        var reservation = (StockReservation)s.Store.LoadAsync(new StockReservationId(new OrderId("A1")).Key).AsTask().Result!.State;
        Assert.Equal("SKU-1×3, SKU-2×1", string.Join(", ", reservation.Lines.Select(l => $"{l.Sku}×{l.Quantity}")));
        Assert.Null(reservation.ClosedBy);
        // SEC-3: one audit entry for every aggregate the allocation wrote.
        Assert.Single(s.Store.ReadAuditAsync(Sku1.Key).AsTask().Result, a => a.Action == nameof(AllocateStock));
    }

    [Fact]
    [Trait("Rule", "WH-1")]
    public void WH1_a_remote_province_reserves_at_the_central_warehouse()
    {
        var central = new StockItemId(WarehouseId.Central, "SKU-1");
        var s = Stocked((Sku1, 5), (central, 5));
        PlacedToConfirmed(s, "X1", "Xinjiang");
        Require(s.Allocate("X1", StandardInstant(OrderState.Allocated)));
        Assert.Equal((0, 2), (Item(s, Sku1).Reserved, Item(s, central).Reserved));
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_an_order_short_of_one_sku_reserves_none_and_is_refused_naming_WH3()
    {
        var s = Stocked((Sku1, 5), (Sku2, 1));
        PlacedToConfirmed(s, "A2", "Zhejiang", ("SKU-1", 2, 50m), ("SKU-2", 2, 30m));
        var before = s.Snapshot("A2");
        var refused = s.Allocate("A2", StandardInstant(OrderState.Allocated));

        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Wh3), (refused.Code, refused.RuleId));
        s.AssertUnchanged("A2", before);
        Assert.Equal((0, 0), (Item(s, Sku1).Reserved, Item(s, Sku2).Reserved));
        Assert.Null(s.Store.LoadAsync(new StockReservationId(new OrderId("A2")).Key).AsTask().Result);
        Assert.Equal(OrderState.Confirmed, s.Order("A2").State);
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_an_unknown_sku_refuses_the_allocation_naming_WH3()
    {
        var s = Stocked((Sku1, 5));
        PlacedToConfirmed(s, "A3", "Zhejiang", ("SKU-9", 1, 50m));
        var refused = s.Allocate("A3", StandardInstant(OrderState.Allocated));
        Assert.Equal(RuleIds.Wh3, refused.RuleId);
        Assert.Contains("SKU-9", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_shipment_consumes_the_reservation()
    {
        var s = Stocked((Sku1, 5));
        s.AdvanceTo("S1", OrderState.Shipped);
        Assert.Equal((3, 0), (Item(s, Sku1).OnHand, Item(s, Sku1).Reserved));
        var reservation = (StockReservation)s.Store.LoadAsync(new StockReservationId(new OrderId("S1")).Key).AsTask().Result!.State;
        Assert.Equal(StockMovementKind.Consumption, reservation.ClosedBy);
        Assert.Equal(2, Item(s, Sku1).SalesInWeek);
    }

    [Fact]
    [Trait("Rule", "ORD-2")]
    public void ORD2_cancellation_before_shipment_releases_the_reservation()
    {
        var s = Stocked((Sku1, 5));
        s.AdvanceTo("C1", OrderState.Invoiced);
        Assert.Equal(2, Item(s, Sku1).Reserved);
        Require(s.Cancel("C1", StandardInstant(OrderState.Shipped)));
        Assert.Equal((5, 0, 5), (Item(s, Sku1).OnHand, Item(s, Sku1).Reserved, Item(s, Sku1).Available));
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_without_stock_tracking_the_order_flow_moves_no_stock()
    {
        var s = new OrderScenario(EcomPolicy.RetailPlatform);
        Assert.False(EcomPolicy.RetailPlatform.StockTracking);
        s.AdvanceTo("N1", OrderState.Shipped);
        Assert.Null(s.Store.LoadAsync(Sku1.Key).AsTask().Result);
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_an_order_allocated_before_tracking_ships_without_moving_stock()
    {
        var s = Stocked((Sku1, 5));
        s.Engine.ChangePolicy(EcomPolicy.RetailPlatform);
        s.AdvanceTo("P1", OrderState.Allocated);
        s.Engine.ChangePolicy(Tracked);
        Require(s.Run(OrderStep.Invoice, "P1", StandardInstant(OrderState.Invoiced)));
        Require(s.Run(OrderStep.Ship, "P1", StandardInstant(OrderState.Shipped)));
        Assert.Equal((5, 0), (Item(s, Sku1).OnHand, Item(s, Sku1).Reserved));
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public async Task WH3_concurrent_allocations_of_the_last_unit_exactly_one_wins()
    {
        var s = Stocked((Sku1, 2));
        var ids = Enumerable.Range(0, 6).Select(i => "L" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (var id in ids)
        {
            PlacedToConfirmed(s, id);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new EcomEngine(s.Store, Tracked, new EcomEngineOptions { MaxConcurrencyRetries = 20 });
        var tasks = ids.Select(id => Task.Run(async () =>
        {
            await start.Task;
            return await engine.ExecuteAsync(new AllocateStock(new CommandId("alloc-" + id), Warehouse, StandardInstant(OrderState.Allocated), new OrderId(id), "DN-" + id));
        })).ToArray();
        start.SetResult();
        var decisions = await Task.WhenAll(tasks);

        Assert.Single(decisions, d => d.IsAccepted);
        Assert.All(decisions.Where(d => !d.IsAccepted), d => Assert.Equal(RuleIds.Wh3, d.RuleId));
        Assert.Equal((2, 2, 0), (Item(s, Sku1).OnHand, Item(s, Sku1).Reserved, Item(s, Sku1).Available));
    }

    [Fact]
    [Trait("Rule", "WH-4")]
    public void WH4_a_shipment_below_last_weeks_sales_alerts_operations_once_per_crossing()
    {
        var s = Stocked((Sku1, 20));
        // Last week (Mon 2 to Sun 8 March): 4 orders of 2 units ship, 12 left.
        for (var i = 0; i < 4; i++)
        {
            s.AdvanceTo("W" + i.ToString(CultureInfo.InvariantCulture), OrderState.Shipped);
        }

        Assert.Equal(12, Item(s, Sku1).OnHand);
        // This week: sales of last week are 8; shipping down to 6 (< 8) alerts once, further shipments do not.
        var monday = At(2026, 3, 9, 9);
        for (var i = 0; i < 3; i++)
        {
            var id = "T" + i.ToString(CultureInfo.InvariantCulture);
            Require(s.Place(id, monday));
            Require(s.Pay(id, monday + Duration.FromMinutes(1)));
            Require(s.Confirm(id, monday + Duration.FromMinutes(2)));
            Require(s.Allocate(id, monday + Duration.FromMinutes(3)));
            Require(s.Invoice(id, monday + Duration.FromMinutes(4)));
            Require(s.Ship(id, monday + Duration.FromMinutes(5)));
        }

        Assert.Equal(6, Item(s, Sku1).OnHand);
        var alert = Assert.Single(s.Events<LowStockAlerted>());
        Assert.Equal((6, 8), (alert.OnHand, alert.Threshold));
        var notice = Assert.Single(s.Events<StaffNotificationRequested>(), n => n.Template == "low-stock");
        Assert.Equal(ActorRole.Operations, notice.Recipient);
        Assert.Equal(8, Item(s, Sku1).LastWeekSales(StockItem.WeekOf(new LocalDate(2026, 3, 9))));
    }

    [Fact]
    [Trait("Rule", "SLA-7")]
    public async Task SLA7_a_restocked_return_is_stocked_in_the_same_day()
    {
        var f = new ReturnFixture(Tracked);
        var a = new StockItemId(WarehouseId.Main, "SKU-A");
        var b = new StockItemId(WarehouseId.Main, "SKU-B");
        foreach (var item in new[] { a, b })
        {
            await f.Ok(new ReceiveStock(f.NextId(), ReturnFixture.Warehouse, ReturnFixture.At(2026, 3, 2, 8), item, "DN-IN", new LocalDate(2026, 3, 2), 10, 10));
        }

        var order = new OrderId("R-1");
        await f.ReceivedOrder(order, ReturnFixture.At(2026, 3, 3));
        Assert.Equal(7, (await f.Get<StockItem>(a.Key)).OnHand);
        await f.CompletedReturn(new ReturnCaseId(order, "R1"), ReturnFixture.At(2026, 3, 4), quantity: 2);

        var restocked = await f.Get<StockItem>(a.Key);
        Assert.Equal((9, 0), (restocked.OnHand, restocked.Reserved));
        Assert.Equal(9, (await f.Get<StockItem>(b.Key)).OnHand);
        Assert.Equal(ReturnFixture.At(2026, 3, 5, 12), restocked.LastMovementAt);
    }
}

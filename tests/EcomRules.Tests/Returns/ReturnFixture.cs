using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Shipping;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.Returns;

/// <summary>Drives orders, returns and refunds through <see cref="EcomEngine"/> on an in-memory store.</summary>
internal sealed class ReturnFixture
{
    internal static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    internal static readonly Actor Buyer = new("buyer-1", ActorRole.Customer);
    internal static readonly Actor Service = new("cs-1", ActorRole.CustomerService);
    internal static readonly Actor Warehouse = new("wh-1", ActorRole.Warehouse);
    internal static readonly Actor DeptHead = new("dept-1", ActorRole.SalesDepartmentHead);
    internal static readonly Actor Hq = new("hq-1", ActorRole.Headquarters);
    internal static readonly Actor Finance = new("fin-1", ActorRole.DivisionFinance);
    internal static readonly Actor Payer = new("pay-1", ActorRole.HeadquartersFinance);
    private int _next;

    internal ReturnFixture(EcomPolicy? policy = null)
    {
        Store = new InMemoryEcomStore();
        Engine = new EcomEngine(Store, policy ?? EcomPolicy.RetailPlatform);
    }

    internal InMemoryEcomStore Store { get; }

    internal EcomEngine Engine { get; }

    internal static Instant At(int year, int month, int day, int hour = 10, int minute = 0)
        => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Zone).ToInstant();

    internal static ImmutableArray<OrderLine> Lines(decimal unitPrice = 100m, int quantity = 3)
        => [new OrderLine("SKU-A", quantity, new Money(unitPrice)), new OrderLine("SKU-B", 1, new Money(50m))];

    internal CommandId NextId() => new("c" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Runs a command synchronously: the in-memory store completes every call at once.</summary>
    internal Decision RunNow(EcomCommand command)
    {
        var pending = Engine.ExecuteAsync(command);
        Assert.True(pending.IsCompleted);
        return pending.Result;
    }

    /// <summary>Loads an aggregate synchronously (see <see cref="RunNow"/>).</summary>
    internal StoredAggregate? LoadNow(AggregateKey key)
    {
        var pending = Store.LoadAsync(key);
        Assert.True(pending.IsCompleted);
        return pending.Result;
    }

    /// <summary>A received order (3 × SKU-A at <paramref name="unitPrice"/>, 1 × SKU-B at 50, freight 10), synchronously.</summary>
    internal Order ReceivedOrderNow(OrderId id, decimal unitPrice) => ReceivedOrderNow(id, Lines(unitPrice));

    /// <summary>A received order of <paramref name="lines"/> with freight 10, synchronously.</summary>
    internal Order ReceivedOrderNow(OrderId id, ImmutableArray<OrderLine> lines)
    {
        var t = At(2026, 3, 2);
        var placed = RunNow(new PlaceOrder(NextId(), Service, t, id, BuyerDetails(), lines, new Money(10m))).StateAs<Order>();
        RunNow(new PayOrder(NextId(), Buyer, t, id, placed.Total));
        RunNow(new ConfirmOrder(NextId(), Service, t, id));
        RunNow(new AllocateStock(NextId(), Warehouse, t, id, "DN"));
        RunNow(new RecordInvoice(NextId(), Service, t, id, "INV", placed.Total));
        RunNow(new RecordShipment(NextId(), Warehouse, t, id, new CarrierId("sf"), "SF1"));
        var received = RunNow(new RecordTrackingEvent(NextId(), new Actor("sf", ActorRole.Carrier), t + Duration.FromHours(20), id, TrackingEventKind.Signed));
        Assert.True(received.IsAccepted, received.Reason);
        return received.StateAs<Order>();
    }

    internal async Task<Decision> Run(EcomCommand command)
        => await Engine.ExecuteAsync(command);

    internal async Task<Decision> Ok(EcomCommand command)
    {
        var decision = await Engine.ExecuteAsync(command);
        Assert.True(decision.IsAccepted, $"{command.Action} refused: {decision.RuleId} {decision.Reason}");
        return decision;
    }

    /// <summary>Place → pay → confirm → allocate → invoice → ship, all on the day before <paramref name="receivedAt"/>.</summary>
    internal async Task<Order> ShippedOrder(OrderId id, Instant shippedBy, ImmutableArray<OrderLine>? lines = null)
    {
        var t = shippedBy - Duration.FromHours(6);
        var placed = await Ok(new PlaceOrder(NextId(), Service, t, id, BuyerDetails(), lines ?? Lines(), new Money(10m)));
        var order = placed.StateAs<Order>();
        await Ok(new PayOrder(NextId(), Buyer, t + Duration.FromMinutes(1), id, order.Total));
        await Ok(new ConfirmOrder(NextId(), Service, t + Duration.FromMinutes(2), id));
        await Ok(new AllocateStock(NextId(), Warehouse, t + Duration.FromMinutes(3), id, "DN-" + id.Value));
        await Ok(new RecordInvoice(NextId(), Service, t + Duration.FromMinutes(4), id, "INV-" + id.Value, order.Total));
        return (await Ok(new RecordShipment(NextId(), Warehouse, t + Duration.FromMinutes(5), id, new CarrierId("sf"), "SF" + id.Value))).StateAs<Order>();
    }

    internal async Task<Order> ReceivedOrder(OrderId id, Instant receivedAt, ImmutableArray<OrderLine>? lines = null)
    {
        await ShippedOrder(id, receivedAt - Duration.FromHours(20), lines);
        return (await Ok(new RecordTrackingEvent(NextId(), new Actor("sf", ActorRole.Carrier), receivedAt, id, TrackingEventKind.Signed))).StateAs<Order>();
    }

    internal RequestReturn Request(ReturnCaseId id, Instant at, ReturnKind kind = ReturnKind.Return, ReturnReason reason = ReturnReason.QualityProblem,
        int quantity = 1, string? text = null)
        => new(NextId(), Buyer, at, id, kind, reason, text, ["photo-1.jpg"], [new ReturnLine("SKU-A", quantity)]);

    /// <summary>A received order (the day before <paramref name="at"/>), then request → accept → ship back at <paramref name="at"/>.</summary>
    internal async Task ShippedBack(OrderId order, ReturnCaseId id, Instant at)
    {
        await ReceivedOrder(order, at - Duration.FromDays(1));
        await Ok(Request(id, at));
        await Ok(new DecideReturn(NextId(), Service, at, id, true, "ok"));
        await Ok(new RecordReturnShipment(NextId(), Buyer, at, id, "YT1", new Money(8m)));
    }

    /// <summary>Request → accept → ship back → inspect (pass) → restock.</summary>
    internal async Task<ReturnCase> CompletedReturn(ReturnCaseId id, Instant at, ReturnKind kind = ReturnKind.Return, ReturnReason reason = ReturnReason.QualityProblem,
        int quantity = 1, decimal freight = 12m)
    {
        await Ok(Request(id, at, kind, reason, quantity, reason == ReturnReason.Other ? "changed my mind" : null));
        await Ok(new DecideReturn(NextId(), Service, at + Duration.FromHours(2), id, true, "meets the return standard"));
        await Ok(new RecordReturnShipment(NextId(), Buyer, at + Duration.FromHours(3), id, "YT123", new Money(freight)));
        await Ok(new InspectReturn(NextId(), Warehouse, at + Duration.FromHours(24), id, true, true));
        return (await Ok(new RestockReturn(NextId(), Warehouse, at + Duration.FromHours(26), id))).StateAs<ReturnCase>();
    }

    /// <summary>Approve → review → invoice recovered → pay, by the right people.</summary>
    internal async Task<Refund> PaidRefund(RefundId id, Instant at)
    {
        var refund = await Get<Refund>(id.Key);
        await Ok(new ApproveRefund(NextId(), refund.ApproverRole == ActorRole.Headquarters ? Hq : DeptHead, at, id));
        await Ok(new ReviewRefund(NextId(), Finance, at + Duration.FromHours(1), id));
        await Ok(new ConfirmInvoiceRecovered(NextId(), Finance, at + Duration.FromHours(2), id));
        return (await Ok(new PayRefund(NextId(), Payer, at + Duration.FromHours(3), id))).StateAs<Refund>();
    }

    internal async Task<T> Get<T>(AggregateKey key)
        where T : class
        => (T)(await Store.LoadAsync(key))!.State;

    internal async Task<long> VersionOf(AggregateKey key) => (await Store.LoadAsync(key))!.Version;

    internal static BuyerDetails BuyerDetails() => Orders.OrderScenario.PrivateBuyer();
}

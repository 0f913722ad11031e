using System.Collections.Immutable;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Shipping;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.Orders;

/// <summary>Drives orders through <see cref="EcomEngine"/> on an in-memory store, with readable helpers.</summary>
public sealed class OrderScenario
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly Actor Customer = new("buyer-1", ActorRole.Customer);
    public static readonly Actor Sales = new("sales-1", ActorRole.Sales);
    public static readonly Actor Warehouse = new("wh-1", ActorRole.Warehouse);
    public static readonly Actor System = Actor.System;
    public static readonly Actor Carrier = new("sf", ActorRole.Carrier);

    private int _commands;

    public OrderScenario(EcomPolicy? policy = null)
    {
        Store = new InMemoryEcomStore();
        Engine = new EcomEngine(Store, policy ?? EcomPolicy.RetailPlatform);
    }

    public InMemoryEcomStore Store { get; }

    public EcomEngine Engine { get; }

    public static Instant At(int year, int month, int day, int hour, int minute = 0, int second = 0)
        => new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(Shanghai).ToInstant();

    public static BuyerDetails PrivateBuyer(string province = "Zhejiang") => new()
    {
        Kind = BuyerKind.Private,
        Name = "张三",
        ResidentId = ValidResidentId("110105", "19900307", "123"),
        Mobile = "13812345678",
        Province = province,
        City = "杭州市",
        District = "西湖区",
        Street = "文三路 100 号",
        PostalCode = "310012",
    };

    public static BuyerDetails BusinessBuyer(string province = "Guangdong") => new()
    {
        Kind = BuyerKind.Business,
        Name = "深圳市某某科技有限公司",
        CreditCode = "91440300708461136T",
        ContactName = "李四",
        Mobile = "13912345678",
        Province = province,
        City = "深圳市",
        District = "南山区",
        Street = "科技园路 1 号",
        PostalCode = "518000",
    };

    public static string ValidResidentId(string region, string birth, string sequence)
    {
        var body = region + birth + sequence;
        return body + ResidentIdNumber.ComputeCheckCharacter(body);
    }

    public static ImmutableArray<OrderLine> Lines(params (string Sku, int Quantity, decimal Price)[] lines)
        => [.. lines.Select(l => new OrderLine(l.Sku, l.Quantity, new Money(l.Price)))];

    public CommandId NextId() => new($"cmd-{++_commands}");

    public Decision Execute(EcomCommand command) => Engine.ExecuteAsync(command).AsTask().GetAwaiter().GetResult();

    public Order Order(string id) => (Order)Store.LoadAsync(new OrderId(id).Key).AsTask().GetAwaiter().GetResult()!.State;

    public Decision Place(string id, Instant at, BuyerDetails? buyer = null, ImmutableArray<OrderLine>? lines = null)
        => Execute(new PlaceOrder(NextId(), Customer, at, new OrderId(id), buyer ?? PrivateBuyer(), lines ?? Lines(("SKU-1", 2, 50m))));

    public Decision Pay(string id, Instant at, Money? amount = null)
        => Execute(new PayOrder(NextId(), System, at, new OrderId(id), amount ?? Order(id).Total));

    public Decision Confirm(string id, Instant at) => Execute(new ConfirmOrder(NextId(), Sales, at, new OrderId(id)));

    public Decision Allocate(string id, Instant at) => Execute(new AllocateStock(NextId(), Warehouse, at, new OrderId(id), "DN-" + id));

    public Decision Invoice(string id, Instant at, Money? amount = null)
        => Execute(new RecordInvoice(NextId(), System, at, new OrderId(id), "INV-" + id, amount ?? Order(id).Total));

    public Decision Ship(string id, Instant at) => Execute(new RecordShipment(NextId(), Carrier, at, new OrderId(id), new CarrierId("sf"), "SF" + id));

    public Decision Sign(string id, Instant at) => Execute(new RecordTrackingEvent(NextId(), Carrier, at, new OrderId(id), TrackingEventKind.Signed));

    public Decision Complete(string id, Instant at) => Execute(new CompleteOrder(NextId(), System, at, new OrderId(id)));

    public Decision Cancel(string id, Instant at, string? reason = "changed my mind") => Execute(new CancelOrder(NextId(), Customer, at, new OrderId(id), reason));

    /// <summary>Runs an order from placement to receipt on Wednesday 2026-03-04, signed two days later.</summary>
    public void ThroughReceipt(string id)
    {
        Require(Place(id, At(2026, 3, 4, 9, 0)));
        Require(Pay(id, At(2026, 3, 4, 9, 5)));
        Require(Confirm(id, At(2026, 3, 4, 9, 10)));
        Require(Allocate(id, At(2026, 3, 4, 9, 30)));
        Require(Invoice(id, At(2026, 3, 4, 10, 0)));
        Require(Ship(id, At(2026, 3, 4, 10, 20)));
        Require(Sign(id, At(2026, 3, 6, 15, 0)));
    }

    public static Decision Require(Decision decision)
    {
        Assert.True(decision.IsAccepted, decision.ToString());
        return decision;
    }
}

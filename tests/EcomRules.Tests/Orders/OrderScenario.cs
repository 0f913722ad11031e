using System.Collections.Immutable;
using EcomRules.Commands;
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

    public static BuyerDetails PrivateBuyer(string province = "Zhejiang") => SampleBuyers.Private(province);

    public static BuyerDetails BusinessBuyer(string province = "Guangdong") => SampleBuyers.Business(province);

    public static string ValidResidentId(string region, string birth, string sequence) => SampleBuyers.ResidentId(region, birth, sequence);

    public static ImmutableArray<OrderLine> Lines(params (string Sku, int Quantity, decimal Price)[] lines)
        => [.. lines.Select(l => new OrderLine(l.Sku, l.Quantity, new Money(l.Price)))];

    public CommandId NextId() => new($"cmd-{++_commands}");

    public Decision Execute(EcomCommand command) => Engine.ExecuteAsync(command).AsTask().GetAwaiter().GetResult();

    public Order Order(string id) => (Order)Store.LoadAsync(new OrderId(id).Key).AsTask().GetAwaiter().GetResult()!.State;

    public Decision Place(string id, Instant at, BuyerDetails? buyer = null, ImmutableArray<OrderLine>? lines = null)
        => Execute(new PlaceOrder(NextId(), Customer, at, new OrderId(id), buyer ?? PrivateBuyer(), lines ?? Lines(("SKU-1", 2, 50m))));

    public Decision Pay(string id, Instant at, Money? amount = null)
        => Execute(new PayOrder(NextId(), System, at, new OrderId(id), amount ?? Order(id).Total));

    public Decision Confirm(string id, Instant at, CustomerId? matched = null) => Execute(new ConfirmOrder(NextId(), Sales, at, new OrderId(id), matched));

    public Decision Allocate(string id, Instant at) => Execute(new AllocateStock(NextId(), Warehouse, at, new OrderId(id), "DN-" + id));

    public Decision Invoice(string id, Instant at, Money? amount = null)
        => Execute(new RecordInvoice(NextId(), System, at, new OrderId(id), "INV-" + id, amount ?? Order(id).Total));

    public Decision Ship(string id, Instant at, string? tracking = null)
        => Execute(new RecordShipment(NextId(), Carrier, at, new OrderId(id), new CarrierId("sf"), tracking ?? "SF" + id));

    public Decision Track(string id, Instant at, TrackingEventKind kind) => Execute(new RecordTrackingEvent(NextId(), Carrier, at, new OrderId(id), kind));

    public Decision Sign(string id, Instant at) => Track(id, at, TrackingEventKind.Signed);

    public Decision ReportLogistics(string id, Instant at) => Execute(new ReportLogistics(NextId(), Warehouse, at, new OrderId(id)));

    public Decision Complete(string id, Instant at) => Execute(new CompleteOrder(NextId(), System, at, new OrderId(id)));

    public Decision Cancel(string id, Instant at, string? reason = "changed my mind") => Execute(new CancelOrder(NextId(), Customer, at, new OrderId(id), reason));

    /// <summary>Builds the command for <paramref name="step"/>; amounts default to the stored order's total.</summary>
    public EcomCommand Command(OrderStep step, CommandId commandId, string id, Instant at, Money? amount = null)
    {
        var orderId = new OrderId(id);
        Money Total() => amount ?? (Exists(id) ? Order(id).Total : Money.Zero);
        return step switch
        {
            OrderStep.Pay => new PayOrder(commandId, System, at, orderId, Total()),
            OrderStep.Confirm => new ConfirmOrder(commandId, Sales, at, orderId),
            OrderStep.Allocate => new AllocateStock(commandId, Warehouse, at, orderId, "DN-" + id),
            OrderStep.Invoice => new RecordInvoice(commandId, System, at, orderId, "INV-" + id, Total()),
            OrderStep.Ship => new RecordShipment(commandId, Carrier, at, orderId, new CarrierId("sf"), "SF" + id),
            OrderStep.InTransit => new RecordTrackingEvent(commandId, Carrier, at, orderId, TrackingEventKind.InTransit),
            OrderStep.Sign => new RecordTrackingEvent(commandId, Carrier, at, orderId, TrackingEventKind.Signed),
            OrderStep.ReportLogistics => new ReportLogistics(commandId, Warehouse, at, orderId),
            OrderStep.Complete => new CompleteOrder(commandId, System, at, orderId),
            OrderStep.Cancel => new CancelOrder(commandId, Customer, at, orderId, "changed my mind"),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }

    public Decision Run(OrderStep step, string id, Instant at, Money? amount = null) => Execute(Command(step, NextId(), id, at, amount));

    public bool Exists(string id) => Store.LoadAsync(new OrderId(id).Key).AsTask().GetAwaiter().GetResult() is not null;

    /// <summary>The states of the main path of ORD-1, in order.</summary>
    public static readonly OrderState[] MainPath =
    [
        OrderState.Placed, OrderState.Paid, OrderState.Confirmed, OrderState.Allocated,
        OrderState.Invoiced, OrderState.Shipped, OrderState.Received, OrderState.Completed,
    ];

    /// <summary>The states before receipt, in which the buyer may cancel (ORD-2).</summary>
    public static readonly OrderState[] Cancellable = MainPath[..6];

    /// <summary>The instant the standard path reaches <paramref name="state"/>: placed on Wednesday 2026-03-04 09:00,
    /// shipped 10:20, signed on Friday 15:00, completed when the retail return window closes (22 Mar 00:00).</summary>
    public static Instant StandardInstant(OrderState state) => state switch
    {
        OrderState.Placed => At(2026, 3, 4, 9, 0),
        OrderState.Paid => At(2026, 3, 4, 9, 5),
        OrderState.Confirmed => At(2026, 3, 4, 9, 10),
        OrderState.Allocated => At(2026, 3, 4, 9, 30),
        OrderState.Invoiced => At(2026, 3, 4, 10, 0),
        OrderState.Shipped => At(2026, 3, 4, 10, 20),
        OrderState.Received => At(2026, 3, 6, 15, 0),
        OrderState.Completed => At(2026, 3, 22, 0, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not on the main path."),
    };

    /// <summary>Drives an order along the main path of ORD-1 up to and including <paramref name="target"/>, at the
    /// standard instants.</summary>
    public void AdvanceTo(string id, OrderState target, BuyerDetails? buyer = null)
    {
        foreach (var state in MainPath)
        {
            var at = StandardInstant(state);
            Require(state == OrderState.Placed ? Place(id, at, buyer) : Run(StepInto(state), id, at));
            if (state == target)
            {
                return;
            }
        }
    }

    /// <summary>The step that moves an order into <paramref name="state"/> on the main path.</summary>
    public static OrderStep StepInto(OrderState state) => state switch
    {
        OrderState.Paid => OrderStep.Pay,
        OrderState.Confirmed => OrderStep.Confirm,
        OrderState.Allocated => OrderStep.Allocate,
        OrderState.Invoiced => OrderStep.Invoice,
        OrderState.Shipped => OrderStep.Ship,
        OrderState.Received => OrderStep.Sign,
        _ => OrderStep.Complete,
    };

    /// <summary>Places an order a minute before <paramref name="paidAt"/> and pays it then.</summary>
    public Decision PlaceAndPay(string id, Instant paidAt, BuyerDetails? buyer = null)
    {
        Require(Place(id, paidAt - Duration.FromMinutes(1), buyer));
        return Require(Pay(id, paidAt));
    }

    /// <summary>Places and pays at <paramref name="paidAt"/>, then confirms, allocates and invoices a minute apart each.</summary>
    public void PaidAndInvoiced(string id, Instant paidAt, BuyerDetails? buyer = null)
    {
        PlaceAndPay(id, paidAt, buyer);
        Require(Confirm(id, paidAt + Duration.FromMinutes(1)));
        Require(Allocate(id, paidAt + Duration.FromMinutes(2)));
        Require(Invoice(id, paidAt + Duration.FromMinutes(3)));
    }

    /// <summary>Runs an order from placement to receipt on Wednesday 2026-03-04, signed two days later.</summary>
    public void ThroughReceipt(string id) => AdvanceTo(id, OrderState.Received);

    /// <summary>Captures what a refused command must leave untouched.</summary>
    public StoreSnapshot Snapshot(string id)
    {
        var stored = Store.LoadAsync(new OrderId(id).Key).AsTask().GetAwaiter().GetResult();
        return new StoreSnapshot(stored?.Version ?? 0, stored?.State, Store.AuditTrail.Count, Store.Outbox.Count, Store.Timers.Count, Store.AggregateCount);
    }

    /// <summary>Asserts that the store holds exactly what <paramref name="before"/> captured: same version, same state
    /// object, no new audit entry, outbox message, timer or aggregate.</summary>
    public void AssertUnchanged(string id, StoreSnapshot before)
    {
        var after = Snapshot(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Same(before.State, after.State);
        Assert.Equal(before with { State = null }, after with { State = null });
    }

    /// <summary>Asserts a refusal by a catalogue rule that left the order untouched.</summary>
    public Decision RequireRefusedBy(RuleId rule, string id, Func<Decision> command)
    {
        var before = Snapshot(id);
        var decision = command();
        Assert.True(decision.IsRefused, decision.ToString());
        Assert.Equal(RefusalCode.RuleViolation, decision.Code);
        Assert.Equal(rule, decision.RuleId);
        Assert.Contains(rule.Value, decision.ToString(), StringComparison.Ordinal);
        AssertUnchanged(id, before);
        return decision;
    }

    /// <summary>Asserts a refusal of the given kind that left the order untouched.</summary>
    public Decision RequireRefused(RefusalCode code, string id, Func<Decision> command)
    {
        var before = Snapshot(id);
        var decision = command();
        Assert.True(decision.IsRefused, decision.ToString());
        Assert.Equal(code, decision.Code);
        AssertUnchanged(id, before);
        return decision;
    }

    public TimerRequest? Timer(string id, string suffix)
        => Store.Timers.SingleOrDefault(t => t.TimerId == $"{OrderId.Kind}/{id}/{suffix}");

    /// <summary>The events of type <typeparamref name="T"/> in the store's outbox, in order.</summary>
    public IReadOnlyList<T> Events<T>() => [.. Store.Outbox.Select(m => m.Message.Event).OfType<T>()];

    public static T Single<T>(Decision decision) => Assert.Single(decision.Events.OfType<T>());

    public static Decision Require(Decision decision)
    {
        Assert.True(decision.IsAccepted, decision.ToString());
        return decision;
    }
}

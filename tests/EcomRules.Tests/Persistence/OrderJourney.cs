using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Tests.Orders;
using NodaTime;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Persistence;

/// <summary>
/// Drives an order through the real commands on <see cref="OrderScenario"/> (the engine and the in-memory store):
/// the first <c>steps</c> steps of the happy path, then optionally a cancellation, collecting every event.
/// </summary>
internal sealed class OrderJourney
{
    public const int HappyPathSteps = 10;

    private static readonly Instant Start = At(2026, 3, 4, 9, 0);

    public OrderJourney(string id, BuyerDetails buyer, int steps, bool cancel = false, IReadOnlyList<OrderLine>? lines = null)
    {
        var scenario = new OrderScenario();
        var orderId = new OrderId(id);
        var commands = new Func<CommandId, Instant, EcomCommand>[]
        {
            (c, at) => new PlaceOrder(c, Customer, at, orderId, buyer, lines is null ? OrderScenario.Lines(("SKU-1", 2, 50m), ("SKU-2", 1, 12.5m)) : [.. lines]),
            (c, at) => new PayOrder(c, OrderScenario.System, at, orderId, scenario.Order(id).Total),
            (c, at) => new ConfirmOrder(c, Sales, at, orderId, new EcomRules.Customers.CustomerId("C-42")),
            (c, at) => new AllocateStock(c, Warehouse, at, orderId, "DN-" + id),
            (c, at) => new RecordInvoice(c, OrderScenario.System, at, orderId, "INV-" + id, scenario.Order(id).Total),
            (c, at) => new RecordShipment(c, Carrier, at, orderId, new EcomRules.Shipping.CarrierId("sf"), "SF" + id),
            (c, at) => new ReportLogistics(c, OrderScenario.System, at, orderId),
            (c, at) => new RecordTrackingEvent(c, Carrier, at, orderId, TrackingEventKind.InTransit),
            (c, at) => new RecordTrackingEvent(c, Carrier, at, orderId, TrackingEventKind.Signed),
            (c, at) => new CompleteOrder(c, OrderScenario.System, at, orderId),
        };

        var at = Start;
        for (var i = 0; i < Math.Min(steps, commands.Length); i++)
        {
            // Ten minutes apart, except that completion waits for the return windows to close (RET-2).
            at = i == HappyPathSteps - 1 ? at + Duration.FromDays(30) : at + Duration.FromMinutes(10);
            Events.AddRange(Require(scenario.Execute(commands[i](scenario.NextId(), at))).Events);
        }

        if (cancel)
        {
            var decision = scenario.Execute(new CancelOrder(scenario.NextId(), Customer, at + Duration.FromMinutes(5), orderId, "changed my mind"));
            Events.AddRange(decision.Events);
        }

        Order = steps > 0 ? scenario.Order(id) : null;
    }

    public Order? Order { get; }

    public List<DomainEvent> Events { get; } = [];
}

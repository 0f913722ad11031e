using EcomRules.Commands;
using EcomRules.Internal;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>Records that the order's logistics details reached the platform's logistics team (SLA-5): stops SLA-5.</summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who reports it.</param>
/// <param name="At">When.</param>
/// <param name="OrderId">The order.</param>
public sealed record ReportLogistics(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId)
    : OrderCommand(CommandId, Actor, At, OrderId)
{
    internal override OrderTrigger Trigger => OrderTrigger.ReportLogistics;

    internal override CommandOutcome Apply(Order order, long version, EcomPolicy policy)
    {
        var events = new Pending<DomainEvent>();
        var timers = new Pending<TimerRequest>();
        var slas = OrderSlas.Stop(order.Slas, policy, Target, At, ref events, ref timers, "SLA-5");
        return Accept(order, order.WithSlas(slas), version, events.ToReadOnlyList(), timers.ToReadOnlyList());
    }

    internal override void WriteFields(PayloadWriter writer)
    {
    }
}

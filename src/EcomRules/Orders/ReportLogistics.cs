using EcomRules.Commands;
using EcomRules.Deadlines;
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
        var events = new List<DomainEvent>();
        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.Stop(order.Slas, policy, Target, At, events, timers, "SLA-5");
        return Accept(order, order.WithSlas(slas), version, events, timers);
    }

    internal override void WriteFields(PayloadWriter writer)
    {
    }
}

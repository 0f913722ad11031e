using EcomRules.Commands;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using NodaTime;
using NodaTime.Text;

namespace EcomRules.Orders;

/// <summary>
/// Records a carrier's tracking event (CAR-3): in transit or out for delivery keep the order shipped; signed moves it
/// to received, starts the return window (RET-2) and schedules completion for when it closes (ORD-1). The customer is
/// told of each new step by SMS (ORD-4).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who reports it (the carrier).</param>
/// <param name="At">When it happened.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Kind">What happened.</param>
public sealed record RecordTrackingEvent(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId, TrackingEventKind Kind)
    : OrderCommand(CommandId, Actor, At, OrderId)
{
    /// <summary>The durable timer kind that completes an order when its return window closes.</summary>
    public const string AutoCompleteTimerKind = "auto-complete";

    internal override OrderTrigger Trigger => Kind == TrackingEventKind.Signed ? OrderTrigger.Receive : OrderTrigger.Track;

    internal override CommandOutcome Apply(Order order, long version, EcomPolicy policy)
    {
        if (Kind != TrackingEventKind.Signed)
        {
            // ORD-4: the customer hears of each new delivery step once; a repeated scan of the same step is recorded quietly.
            return order.LastTrackingEvent == Kind
                ? Accept(order, order.Tracking(Kind), version, [new TrackingEventRecorded(Target, At, Kind)])
                : Accept(order, order.Tracking(Kind), version, new DomainEvent[]
                {
                    new TrackingEventRecorded(Target, At, Kind),
                    new CustomerNotificationRequested(Target, At, order.Buyer.Phone, Kind == TrackingEventKind.InTransit ? "order-in-transit" : "order-out-for-delivery",
                        Kind == TrackingEventKind.OutForDelivery
                            ? $"Your order {OrderId} is out for delivery today (tracking number {order.TrackingNumber})."
                            : $"Your order {OrderId} is on its way (tracking number {order.TrackingNumber})."),
                });
        }

        // RET-2: windows count from the day after receipt; the last window closes at the start of the day after its last day.
        var receivedOn = At.InZone(policy.Zone).Date;
        var closes = policy.Calendar.StartOfDay(receivedOn.PlusDays(policy.Returns.LongestDays + 1));
        var lastDay = receivedOn.PlusDays(policy.Returns.LongestDays);
        return Accept(order, order.Receiving(At, closes), version, new DomainEvent[]
        {
            new OrderReceived(Target, At, closes),
            new CustomerNotificationRequested(Target, At, order.Buyer.Phone, "order-received", $"Your order {OrderId} was signed for. Returns are accepted until {LocalDatePattern.Iso.Format(lastDay)}."), // ORD-4
        },
        [new TimerRequest(Target, "complete", AutoCompleteTimerKind, closes)]);
    }

    // CAR-3: tracking events are shipped, in transit, delivered or signed.
    internal override InputProblem? CheckInput(InputLimits limits)
        => Enum.IsDefined(Kind) ? null : new InputProblem($"Tracking event {(int)Kind} is not a known kind.", RuleIds.Car3);

    internal override void WriteFields(PayloadWriter writer) => writer.Add("kind", (long)Kind);
}

using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Shipping;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// Records that the parcel was handed to a carrier with a tracking number (ORD-1, CAR-3). Refused unless the order is
/// paid and has a delivery note and an invoice (ORD-7). Stops SLA-4, starts SLA-5, records whether the dispatch
/// deadline was met (ORD-3), and tells the customer (ORD-4). An order that names its merchant and leaves late raises
/// <see cref="MerchantDispatchedLate"/>, which records a late dispatch against the merchant (MER-3, <see cref="OrderOutbox"/>).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who records it (the warehouse or the carrier integration).</param>
/// <param name="At">When the carrier took the parcel.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Carrier">The carrier that booked it (the preferred one or a backup, CAR-2).</param>
/// <param name="TrackingNumber">The tracking number.</param>
public sealed record RecordShipment(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId, CarrierId Carrier, string TrackingNumber)
    : OrderCommand(CommandId, Actor, At, OrderId)
{
    internal override OrderTrigger Trigger => OrderTrigger.Ship;

    internal override CommandOutcome Apply(Order order, long version, EcomPolicy policy)
    {
        if (string.IsNullOrWhiteSpace(TrackingNumber) || Carrier.Value.Length == 0)
        {
            return CommandOutcome.Refuse(RuleIds.Car3, "A shipment needs a carrier and a tracking number.");
        }

        if (!IsKnown(policy, Carrier))
        {
            // CAR-1: only a carrier of the policy's fee tables ships; an unknown one has no agreed fee.
            return CommandOutcome.Refuse(RuleIds.Car1, $"Carrier '{Carrier}' is not among the policy's carriers; ship with one that has a fee table.");
        }

        var onTime = order.DispatchDeadline is not { } deadline || At < deadline; // ORD-3: due before the deadline, as its timer counts it missed at that instant
        var events = new List<DomainEvent>();
        events.Add(new OrderShipped(Target, At, Carrier, TrackingNumber, onTime));
        if (!onTime && order.Merchant is { } merchant)
        {
            events.Add(new MerchantDispatchedLate(Target, At, merchant, order.DispatchDeadline!.Value)); // MER-3: counts against the merchant's record
        }

        events.Add(new CustomerNotificationRequested(Target, At, order.Buyer.Phone, "order-shipped", $"Your order {OrderId} has shipped with {Carrier}, tracking number {TrackingNumber}.")); // ORD-4
        var timers = new List<TimerRequest>();
        timers.Add(new TimerRequest(Target, "dispatch", PayOrder.DispatchDeadlineTimerKind, null));
        var slas = SlaSchedule.StopThenStart(order.Slas, policy, Target, At, events, timers, "SLA-4", "SLA-5");
        return Accept(order, order.Shipping(Carrier, TrackingNumber, At, onTime, slas), version, events, timers);
    }

    internal override InputProblem? CheckInput(InputLimits limits)
        => limits.Code(TrackingNumber, "tracking number") ?? limits.Code(Carrier.Value, "carrier ID");

    internal override void WriteFields(PayloadWriter writer) => writer.Add("carrier", Carrier.Value).Add("tracking", TrackingNumber);

    private static bool IsKnown(EcomPolicy policy, CarrierId carrier)
    {
        foreach (var terms in policy.Carriers.Carriers)
        {
            if (terms.Id == carrier)
            {
                return true;
            }
        }

        return false;
    }
}

using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Returns.Events;
using EcomRules.Shipping;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// A carrier booked the replacement or the repaired goods of a case (RET-5, CAR-3): recorded with its tracking number,
/// SLA-4 stops and the customer is told (RET-7). Issued by the outbox dispatcher after the booking; a repeat once
/// shipped is ignored. Refused unless a replacement was requested.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who records it (the system or the warehouse).</param>
/// <param name="At">When the carrier took the parcel.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Carrier">The carrier that booked it (the preferred one or a backup, CAR-2).</param>
/// <param name="TrackingNumber">The tracking number.</param>
public sealed record RecordReplacementShipment(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId, CarrierId Carrier, string TrackingNumber)
    : ReturnCommand(CommandId, Actor, At, CaseId)
{
    internal override ReturnTrigger Trigger => ReturnTrigger.ShipReplacement;

    internal override CommandOutcome Apply(ReturnStep step)
    {
        if (string.IsNullOrWhiteSpace(TrackingNumber) || Carrier.Value.Length == 0)
        {
            return CommandOutcome.Refuse(RuleIds.Car3, "A replacement shipment needs a carrier and a tracking number.");
        }

        var events = new List<DomainEvent>();
        var timers = new List<TimerRequest>();
        var slas = SlaSchedule.Stop(step.Case.Slas, step.Policy, Target, At, events, timers, "SLA-4"); // handed to the carrier
        var shipped = step.Case.ShippingReplacement(Carrier, TrackingNumber, slas);
        events.Add(new ReplacementShipped(Target, At, Carrier, TrackingNumber)); // CAR-3
        events.Add(Notice(shipped, "return-replacement-shipped",
            $"Your {(shipped.Kind == ReturnKind.Repair ? "repaired goods" : "replacement")} for {CaseId} left with {Carrier}, tracking number {TrackingNumber}.")); // RET-7
        return Accept(step, shipped, events, timers);
    }

    internal override void WriteFields(PayloadWriter writer) => writer.Add("carrier", Carrier.Value).Add("tracking", TrackingNumber);
}

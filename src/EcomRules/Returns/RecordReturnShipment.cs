using EcomRules.Commands;
using EcomRules.Policies;
using EcomRules.Returns.Events;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// The customer shipped the goods and the invoice back to the warehouse that dispatched them (RET-4), paying
/// <paramref name="ReturnFreight"/>; it is refunded with the goods when the merchant is at fault (RET-6). Refused
/// naming RET-4 unless the case was accepted.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The customer, or service staff on their behalf.</param>
/// <param name="At">When.</param>
/// <param name="CaseId">The case.</param>
/// <param name="TrackingNumber">The return parcel's tracking number.</param>
/// <param name="ReturnFreight">The freight the customer paid.</param>
public sealed record RecordReturnShipment(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId, string TrackingNumber, Money ReturnFreight)
    : ReturnCommand(CommandId, Actor, At, CaseId)
{
    internal override ReturnTrigger Trigger => ReturnTrigger.Ship;

    internal override CommandOutcome Apply(ReturnStep step)
    {
        var after = step.Case.Shipping(TrackingNumber, ReturnFreight);
        return Accept(step, after,
        [
            new ReturnShipped(Target, At, after.Warehouse, TrackingNumber, ReturnFreight),
            Notice(after, "return-shipped", $"Your return parcel {TrackingNumber} for {CaseId} is on its way to warehouse {after.Warehouse}."), // RET-7
        ]);
    }

    internal override InputProblem? CheckInput(InputLimits limits)
        => string.IsNullOrWhiteSpace(TrackingNumber)
            ? new InputProblem("A return shipment needs its tracking number.", RuleIds.Ret4)
            : limits.Code(TrackingNumber, "tracking number");

    internal override void WriteFields(PayloadWriter writer) => writer.Add("tracking", TrackingNumber).Add("freight", ReturnFreight);
}

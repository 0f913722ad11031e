using EcomRules.Commands;
using EcomRules.Internal;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// A tracking event of the replacement or the repaired goods flows back to the case (CAR-3). When the customer signs
/// for them the case closes (RET-5): it is archived as exchanged or repaired, the customer is told (RET-7), and the
/// order's open return is closed in the same change set. Refused unless the goods are with the carrier.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The carrier integration.</param>
/// <param name="At">When it happened.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Kind">What happened.</param>
public sealed record RecordReplacementTracking(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId, TrackingEventKind Kind)
    : ReturnCommand(CommandId, Actor, At, CaseId)
{
    internal override ReturnTrigger Trigger => Kind == TrackingEventKind.Signed ? ReturnTrigger.DeliverReplacement : ReturnTrigger.TrackReplacement;

    internal override CommandOutcome Apply(ReturnStep step)
    {
        if (!Enum.IsDefined(Kind))
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, "The tracking event is not a known kind (CAR-3).");
        }

        var events = new Pending<DomainEvent>();
        events.Add(new TrackingEventRecorded(Target, At, Kind)); // CAR-3
        if (Kind != TrackingEventKind.Signed)
        {
            return Accept(step, step.Case, events.ToReadOnlyList());
        }

        var closed = step.Case.DeliveringReplacement();
        Archive(ref events, closed, closed.Outcome == ReturnOutcome.Repaired
            ? $"Your repaired goods for {CaseId} were delivered; the case is closed."
            : $"Your replacement for {CaseId} was delivered; the exchange is done."); // RET-5, RET-7
        return Accept(step, closed, events.ToReadOnlyList(), order: step.Order.ClosingReturn(step.Case.Claimed(), rejected: false));
    }

    internal override void WriteFields(PayloadWriter writer) => writer.Add("kind", (long)Kind);
}

using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Refunds.Events;

/// <summary>A named person signed a step of the refund (REF-2, REF-3, INV-3).</summary>
/// <param name="Source">The refund.</param>
/// <param name="At">When.</param>
/// <param name="Step">The step.</param>
/// <param name="ActorId">Who signed.</param>
/// <param name="Role">In which role.</param>
/// <param name="State">The refund's state afterwards.</param>
public sealed record RefundStepSigned(AggregateKey Source, Instant At, RefundStep Step, string ActorId, ActorRole Role, RefundState State) : DomainEvent(Source, At);

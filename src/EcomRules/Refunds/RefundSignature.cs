using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>Who signed one step of a refund, in which role and when (REF-3, SEC-3).</summary>
/// <param name="Step">The step.</param>
/// <param name="ActorId">The person's identifier.</param>
/// <param name="Role">The role they acted in.</param>
/// <param name="At">When.</param>
public sealed record RefundSignature(RefundStep Step, string ActorId, ActorRole Role, Instant At);

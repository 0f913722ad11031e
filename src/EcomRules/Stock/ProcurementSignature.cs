using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>A signature on a procurement request (WH-5): who signed, in which role, and when.</summary>
/// <param name="ActorId">Who signed.</param>
/// <param name="Role">The role they signed in (operations or the chairman).</param>
/// <param name="At">When.</param>
public sealed record ProcurementSignature(string ActorId, ActorRole Role, Instant At);

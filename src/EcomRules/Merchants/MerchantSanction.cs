using NodaTime;

namespace EcomRules.Merchants;

/// <summary>One step of the violation ladder taken against a merchant (MER-3), with its reason (SEC-3).</summary>
/// <param name="Step">The step.</param>
/// <param name="Reason">Why.</param>
/// <param name="ActorId">Who decided it.</param>
/// <param name="At">When.</param>
public sealed record MerchantSanction(SanctionStep Step, string Reason, string ActorId, Instant At);

using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>The violation ladder's next step was taken against a merchant, with its reason (MER-3).</summary>
/// <param name="Source">The merchant.</param>
/// <param name="At">When.</param>
/// <param name="Step">The step.</param>
/// <param name="Reason">Why.</param>
/// <param name="Score">The credit score after it.</param>
public sealed record MerchantSanctioned(AggregateKey Source, Instant At, SanctionStep Step, string Reason, int Score) : DomainEvent(Source, At);

using EcomRules.Customers;
using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>A merchant applied to the platform; its qualification review is pending (MER-1).</summary>
/// <param name="Source">The merchant.</param>
/// <param name="At">When.</param>
/// <param name="Name">The registered name.</param>
/// <param name="CreditCode">The business licence's unified social credit code.</param>
public sealed record MerchantApplied(AggregateKey Source, Instant At, string Name, UnifiedSocialCreditCode CreditCode) : DomainEvent(Source, At);

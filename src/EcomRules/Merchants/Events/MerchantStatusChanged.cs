using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>A merchant was admitted, rejected, suspended, reinstated or removed (MER-1, MER-3), with the reason.</summary>
/// <param name="Source">The merchant.</param>
/// <param name="At">When.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Reason">Why.</param>
public sealed record MerchantStatusChanged(AggregateKey Source, Instant At, MerchantState From, MerchantState To, string Reason) : DomainEvent(Source, At);

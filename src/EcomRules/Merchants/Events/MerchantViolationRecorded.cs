using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>A violation was recorded against a merchant; its credit rating changed (MER-3).</summary>
/// <param name="Source">The merchant.</param>
/// <param name="At">When.</param>
/// <param name="Kind">The violation.</param>
/// <param name="Reference">What it concerns: a complaint, an order, a listing.</param>
/// <param name="Score">The credit score after it.</param>
public sealed record MerchantViolationRecorded(AggregateKey Source, Instant At, ViolationKind Kind, string Reference, int Score) : DomainEvent(Source, At);

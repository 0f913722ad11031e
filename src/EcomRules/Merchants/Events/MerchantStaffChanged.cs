using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants.Events;

/// <summary>A person was added to or removed from the staff who act for a merchant (SEC-2).</summary>
/// <param name="Source">The merchant.</param>
/// <param name="At">When.</param>
/// <param name="StaffId">The person's actor ID.</param>
/// <param name="Added">True when added, false when removed.</param>
public sealed record MerchantStaffChanged(AggregateKey Source, Instant At, string StaffId, bool Added) : DomainEvent(Source, At);

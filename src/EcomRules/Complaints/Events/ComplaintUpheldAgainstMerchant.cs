using EcomRules.Commands;
using EcomRules.Merchants;
using NodaTime;

namespace EcomRules.Complaints.Events;

/// <summary>
/// A complaint about an order that names its merchant closed with its last finding upheld (AFS-1, AFS-2), raised with
/// <see cref="ComplaintClosed"/>: the outbox records one <see cref="ViolationKind.ComplaintUpheld"/> against the
/// merchant (MER-3), once per complaint.
/// </summary>
/// <param name="Source">The complaint.</param>
/// <param name="At">When it closed.</param>
/// <param name="Merchant">The merchant of the order complained about.</param>
/// <param name="Resolution">How it closed.</param>
public sealed record ComplaintUpheldAgainstMerchant(AggregateKey Source, Instant At, MerchantId Merchant, ComplaintResolution Resolution) : DomainEvent(Source, At);

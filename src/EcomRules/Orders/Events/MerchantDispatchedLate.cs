using EcomRules.Commands;
using EcomRules.Merchants;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>
/// An order that names its merchant left after its dispatch deadline (ORD-3), raised with <see cref="OrderShipped"/>:
/// the outbox records one <see cref="ViolationKind.LateDispatch"/> against the merchant (MER-3), once per order.
/// </summary>
/// <param name="Source">The order.</param>
/// <param name="At">When it was handed to the carrier.</param>
/// <param name="Merchant">The order's merchant.</param>
/// <param name="Deadline">The dispatch deadline it missed (ORD-3).</param>
public sealed record MerchantDispatchedLate(AggregateKey Source, Instant At, MerchantId Merchant, Instant Deadline) : DomainEvent(Source, At);

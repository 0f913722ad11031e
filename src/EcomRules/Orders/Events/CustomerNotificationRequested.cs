using System.Collections.Immutable;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders.Events;

/// <summary>The customer is to be told of progress by SMS (ORD-4, RET-7); the outbox dispatcher sends it.</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="Recipient">The customer's mobile number.</param>
/// <param name="Template">The template, such as order-shipped.</param>
/// <param name="Text">The message.</param>
public sealed record CustomerNotificationRequested(AggregateKey Source, Instant At, ChineseMobileNumber Recipient, string Template, string Text) : DomainEvent(Source, At)
{
    /// <summary>Describes the notification with the number masked (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Template} to {Recipient.Masked} about {Source}";
}

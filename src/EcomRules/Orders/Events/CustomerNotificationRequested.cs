using EcomRules.Commands;
using EcomRules.Customers;
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
    /// <summary>Gets the message.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string Text { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = Text ?? throw new ArgumentNullException(nameof(Text));

    /// <summary>Describes the notification with the number masked (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Template} to {Recipient.Masked} about {Source}";
}

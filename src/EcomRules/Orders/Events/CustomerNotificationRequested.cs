using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
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
    // The text, or what it is written from (a NotificationText): the order's messages are written when read (by the
    // serializer or the notifier), so an event nobody reads costs no string.
    private readonly object _text = Text ?? throw new ArgumentNullException(nameof(Text));

    internal CustomerNotificationRequested(AggregateKey source, Instant at, ChineseMobileNumber recipient, string template, NotificationText text)
        : this(source, at, recipient, template, string.Empty)
        => _text = text;

    /// <summary>Gets the message.</summary>
    public string Text
    {
        get => _text as string ?? ((NotificationText)_text).Write();
        init => _text = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc />
    public bool Equals(CustomerNotificationRequested? other)
        => ReferenceEquals(this, other)
            || (other is not null && base.Equals(other) && Recipient.Equals(other.Recipient)
                && string.Equals(Template, other.Template, StringComparison.Ordinal) && string.Equals(Text, other.Text, StringComparison.Ordinal));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Recipient, Template, Text);

    /// <summary>Describes the notification with the number masked (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Template} to {Recipient.Masked} about {Source}";
}

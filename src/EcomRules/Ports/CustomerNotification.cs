using EcomRules.Commands;
using EcomRules.Customers;

namespace EcomRules.Ports;

/// <summary>A message to the customer, usually an SMS (ORD-4, RET-7).</summary>
/// <param name="IdempotencyKey">Unique per message; a repeat must not send a second SMS.</param>
/// <param name="Subject">The order or case the message is about.</param>
/// <param name="Recipient">The customer's mobile number.</param>
/// <param name="Template">A stable template name, such as <c>order-shipped</c>.</param>
/// <param name="Text">The message text, with no personal data beyond what the customer gave.</param>
public sealed record CustomerNotification(string IdempotencyKey, AggregateKey Subject, ChineseMobileNumber Recipient, string Template, string Text)
{
    /// <summary>Describes the message with the number masked (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Template} to {Recipient.Masked} about {Subject}";
}

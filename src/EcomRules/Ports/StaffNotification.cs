using EcomRules.Commands;

namespace EcomRules.Ports;

/// <summary>A message to the merchant's staff, such as an SLA warning (SLA-8); never sent to the customer.</summary>
/// <param name="IdempotencyKey">Unique per message; a repeat must not send a second message.</param>
/// <param name="Subject">The order or case the message is about.</param>
/// <param name="Template">A stable template name, such as <c>sla-warning</c>.</param>
/// <param name="Text">The message text; it carries no personal data (SEC-1).</param>
public sealed record StaffNotification(string IdempotencyKey, AggregateKey Subject, string Template, string Text)
{
    /// <summary>Gets the role the message is for (operations for a low-stock alert, WH-4), or null when for whoever watches the subject.</summary>
    public ActorRole? Recipient { get; init; }

    /// <summary>Describes the message.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Template} to staff about {Subject}";
}

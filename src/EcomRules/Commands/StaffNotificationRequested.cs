using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// A message for the merchant's staff in one role, raised by any module (a low-stock alert for operations, WH-4): the
/// outbox delivers it through <see cref="Ports.INotifier.NotifyStaffAsync"/>, never to a customer.
/// </summary>
/// <param name="Source">The aggregate the message is about.</param>
/// <param name="At">When.</param>
/// <param name="Recipient">The role the message is for.</param>
/// <param name="Template">A stable template name, such as <c>low-stock</c>.</param>
/// <param name="Text">The message; no personal data (SEC-1).</param>
public sealed record StaffNotificationRequested(AggregateKey Source, Instant At, ActorRole Recipient, string Template, string Text) : DomainEvent(Source, At);

using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// A merchant's request for elevated permissions (MER-4), decided by the platform within
/// <see cref="Merchant.PermissionDecisionWorkingDays"/> working days: <see cref="DueAt"/> is the end of that working day.
/// </summary>
/// <param name="Number">The request's number, unique per merchant.</param>
/// <param name="Permission">The permission asked for, such as <c>cross-border</c> or <c>pre-sale</c>.</param>
/// <param name="Reason">Why the merchant asks.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="DueAt">When the decision is due (MER-4).</param>
public sealed record PermissionRequest(string Number, string Permission, string Reason, string RequestedBy, Instant RequestedAt, Instant DueAt)
{
    /// <summary>Gets where it stands.</summary>
    public PermissionRequestState State { get; init; }

    /// <summary>Gets who decided it; null while pending.</summary>
    public string? DecidedBy { get; init; }

    /// <summary>Gets when it was decided; null while pending.</summary>
    public Instant? DecidedAt { get; init; }

    /// <summary>Gets the decision's reason; null while pending.</summary>
    public string? DecisionReason { get; init; }

    /// <summary>Gets whether the decision was not made by <see cref="DueAt"/> (MER-4 breached).</summary>
    public bool Overdue { get; init; }
}

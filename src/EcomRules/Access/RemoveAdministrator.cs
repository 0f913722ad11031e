using EcomRules.Access.Events;
using EcomRules.Commands;
using EcomRules.Policies;

namespace EcomRules.Access;

/// <summary>
/// Removes an administrator account (SEC-4: credentials change when an admin leaves): records a credential rotation
/// due within the policy's <see cref="AccessPolicy.CredentialRotation"/> (24 hours by default), with a durable timer
/// that records the breach when it is not confirmed in time (<see cref="ConfirmCredentialRotation"/>). Refused, naming
/// SEC-4, when the person is not an administrator.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who removes the account.</param>
/// <param name="At">When.</param>
/// <param name="Roster">The roster.</param>
/// <param name="AdministratorId">The leaving administrator's staff ID.</param>
/// <param name="RemovalReason">Why (recorded in the audit trail).</param>
public sealed record RemoveAdministrator(CommandId CommandId, Actor Actor, NodaTime.Instant At, AdminRosterId Roster, string AdministratorId, string RemovalReason)
    : AdminRosterCommand(CommandId, Actor, At, Roster, AdministratorId)
{
    /// <inheritdoc />
    public override string? Reason => RemovalReason;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
        => string.IsNullOrWhiteSpace(RemovalReason)
            ? new InputProblem("Removing an administrator needs a reason, recorded in the audit trail.", RuleIds.Sec3)
            : limits.Reason(RemovalReason, "removal reason");

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Get<AdminRoster>(Target) is not { } roster)
        {
            return CommandOutcome.NotFound(Target);
        }

        if (!roster.IsAdministrator(AdministratorId))
        {
            return CommandOutcome.Refuse(RuleIds.Sec4, $"{AdministratorId} is not an administrator of {Roster}.");
        }

        var due = At + input.Policy.Access.CredentialRotation;
        var next = roster.Removing(AdministratorId, At, due);
        return CommandOutcome.Accept($"{roster.Administrators.Length} → {next.Administrators.Length} administrators; credential rotation due {due}",
            [new AggregateWrite(Target, input.VersionOf(Target), next)],
            [new AdministratorRemoved(Target, At, AdministratorId, due)],
            [RotationTimer(Target, AdministratorId, due)]);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("reason", RemovalReason);
}

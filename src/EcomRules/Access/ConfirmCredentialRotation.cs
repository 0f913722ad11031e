using EcomRules.Access.Events;
using EcomRules.Commands;

namespace EcomRules.Access;

/// <summary>
/// Confirms that the credentials a removed administrator knew were rotated (SEC-4); cancels the deadline's timer. A
/// rotation confirmed after it breached stays marked as breached. Refused, naming SEC-4, when no rotation is pending for
/// that administrator, or when the removed administrator confirms their own.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who rotated the credentials.</param>
/// <param name="At">When.</param>
/// <param name="Roster">The roster.</param>
/// <param name="AdministratorId">The removed administrator's staff ID.</param>
public sealed record ConfirmCredentialRotation(CommandId CommandId, Actor Actor, NodaTime.Instant At, AdminRosterId Roster, string AdministratorId)
    : AdminRosterCommand(CommandId, Actor, At, Roster, AdministratorId)
{
    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input) => OnPendingRotation(input, (roster, index) =>
    {
        if (string.Equals(Actor.Id, AdministratorId, StringComparison.Ordinal))
        {
            return CommandOutcome.Refuse(RuleIds.Sec4, $"{AdministratorId} left the administrators; the credentials they knew are rotated by someone else.");
        }

        var rotation = roster.Rotations[index];
        var late = rotation.Breached || At > rotation.DueAt;
        var next = roster.WithRotation(index, rotation with { DoneAt = At, DoneBy = Actor.Id, Breached = late });
        return CommandOutcome.Accept(late ? "rotation pending → done late" : "rotation pending → done",
            [new AggregateWrite(Target, input.VersionOf(Target), next)],
            [new CredentialRotationConfirmed(Target, At, AdministratorId, late)],
            [RotationTimer(Target, AdministratorId, null)]);
    }, () => CommandOutcome.Refuse(RuleIds.Sec4, $"No credential rotation is pending for {AdministratorId} on {Roster}."));
}

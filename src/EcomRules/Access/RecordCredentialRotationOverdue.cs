using EcomRules.Access.Events;
using EcomRules.Engine;

namespace EcomRules.Access;

/// <summary>
/// Records that a credential rotation's deadline came (SEC-4); issued by the timer scheduler. A rotation still pending
/// is marked breached (<see cref="CredentialRotationBreached"/>); one already done, or already breached, is accepted
/// without a change.
/// </summary>
/// <param name="CommandId">The idempotency key (the scheduler derives it from the timer and its due instant).</param>
/// <param name="Actor">Who records it (the system).</param>
/// <param name="At">When the deadline came.</param>
/// <param name="Roster">The roster.</param>
/// <param name="AdministratorId">The removed administrator's staff ID.</param>
public sealed record RecordCredentialRotationOverdue(CommandId CommandId, Actor Actor, NodaTime.Instant At, AdminRosterId Roster, string AdministratorId)
    : AdminRosterCommand(CommandId, Actor, At, Roster, AdministratorId)
{
    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Get<AdminRoster>(Target) is not { } roster)
        {
            return CommandOutcome.NotFound(Target);
        }

        var index = roster.PendingRotationOf(AdministratorId);
        if (index < 0 || roster.Rotations[index].Breached || At < roster.Rotations[index].DueAt)
        {
            return CommandOutcome.Accept("no change: the rotation is done, already breached or not yet due", [], []);
        }

        var next = roster.WithRotation(index, roster.Rotations[index] with { Breached = true });
        return CommandOutcome.Accept("rotation pending → breached",
            [new AggregateWrite(Target, input.VersionOf(Target), next)],
            [new CredentialRotationBreached(Target, At, AdministratorId)]);
    }
}

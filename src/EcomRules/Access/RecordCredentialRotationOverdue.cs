using EcomRules.Access.Events;
using EcomRules.Commands;

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
    internal override CommandOutcome Decide(DecisionInput input) => OnPendingRotation(input, (roster, index) =>
    {
        var rotation = roster.Rotations[index];
        if (rotation.Breached || At < rotation.DueAt)
        {
            return Unchanged();
        }

        return CommandOutcome.Accept("rotation pending → breached",
            [new AggregateWrite(Target, input.VersionOf(Target), roster.WithRotation(index, rotation with { Breached = true }))],
            [new CredentialRotationBreached(Target, At, AdministratorId)]);
    }, Unchanged);

    private static CommandOutcome Unchanged() => CommandOutcome.Accept("no change: the rotation is done, already breached or not yet due", [], []);
}

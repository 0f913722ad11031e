using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Access;

/// <summary>A command on an administrator roster about one administrator (SEC-4).</summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="At">When.</param>
/// <param name="Roster">The roster.</param>
/// <param name="AdministratorId">The administrator's staff ID.</param>
public abstract record AdminRosterCommand(CommandId CommandId, Actor Actor, Instant At, AdminRosterId Roster, string AdministratorId)
    : EcomCommand(CommandId, Actor, At)
{
    /// <summary>The kind of the durable timer of a credential rotation's deadline.</summary>
    public const string RotationTimerKind = "credential-rotation";

    /// <inheritdoc />
    public override AggregateKey Target => Roster.Key;

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
        => Roster.Name.Length == 0 || string.IsNullOrWhiteSpace(AdministratorId)
            ? new InputProblem("An administrator command names its roster and the administrator.", RuleIds.Sec4)
            : limits.Code(AdministratorId, "administrator ID") ?? CheckFields(limits);

    /// <summary>Checks the command's own further fields.</summary>
    internal virtual InputProblem? CheckFields(InputLimits limits) => null;

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("roster", Roster.Name).Add("admin", AdministratorId);
        WriteFields(writer);
    }

    /// <summary>Writes the command's own further fields to the fingerprint.</summary>
    internal virtual void WriteFields(PayloadWriter writer)
    {
    }

    /// <summary>
    /// Decides on the administrator's pending credential rotation: the roster must exist; <paramref name="decide"/> gets
    /// the roster and the rotation's index, <paramref name="none"/> answers when no rotation is pending.
    /// </summary>
    internal CommandOutcome OnPendingRotation(DecisionInput input, Func<AdminRoster, int, CommandOutcome> decide, Func<CommandOutcome> none)
    {
        if (input.Get<AdminRoster>(Target) is not { } roster)
        {
            return CommandOutcome.NotFound(Target);
        }

        var index = roster.PendingRotationOf(AdministratorId);
        return index < 0 ? none() : decide(roster, index);
    }

    /// <summary>The timer of <paramref name="administratorId"/>'s credential rotation.</summary>
    internal static TimerRequest RotationTimer(AggregateKey roster, string administratorId, Instant? dueAt)
        => new(roster, "rotation/" + administratorId, RotationTimerKind, dueAt);
}

using EcomRules.Access.Events;
using EcomRules.Commands;

namespace EcomRules.Access;

/// <summary>
/// Adds an administrator account to the roster (SEC-4), creating the roster with its first administrator. Refused,
/// naming SEC-4, when the roster already holds the policy's <see cref="Policies.AccessPolicy.MaxAdministrators"/>
/// (5 by default) or the person is an administrator already.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who adds the account.</param>
/// <param name="At">When.</param>
/// <param name="Roster">The roster.</param>
/// <param name="AdministratorId">The new administrator's staff ID.</param>
public sealed record AddAdministrator(CommandId CommandId, Actor Actor, NodaTime.Instant At, AdminRosterId Roster, string AdministratorId)
    : AdminRosterCommand(CommandId, Actor, At, Roster, AdministratorId)
{
    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var roster = input.Get<AdminRoster>(Target) ?? AdminRoster.Empty(Roster);
        if (roster.IsAdministrator(AdministratorId))
        {
            return CommandOutcome.Refuse(RuleIds.Sec4, $"{AdministratorId} is an administrator of {Roster} already.");
        }

        var limit = input.Policy.Access.MaxAdministrators;
        if (roster.Administrators.Length >= limit)
        {
            return CommandOutcome.Refuse(RuleIds.Sec4,
                $"{Roster} has {roster.Administrators.Length} administrators, the most the policy allows ({limit}); remove one before adding {AdministratorId}.");
        }

        var next = roster.Adding(AdministratorId);
        return CommandOutcome.Accept($"{roster.Administrators.Length} → {next.Administrators.Length} administrators",
            [new AggregateWrite(Target, input.VersionOf(Target), next)],
            [new AdministratorAdded(Target, At, AdministratorId, next.Administrators.Length)]);
    }
}

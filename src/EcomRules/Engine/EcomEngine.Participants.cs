using EcomRules.Commands;
using EcomRules.Policies;

namespace EcomRules.Engine;

/// <content>
/// How the modules that take part in other modules' decisions (<see cref="DecisionParticipant"/>, listed in
/// <see cref="EcomModules"/>) join an accepted command.
/// </content>
public sealed partial class EcomEngine
{
    /// <summary>
    /// Lets every participant join an accepted outcome: loads what each reads (with versions, so the save checks them)
    /// and asks it to join. A participant's refusal refuses the whole command; nothing is saved.
    /// </summary>
    private async ValueTask<(CommandOutcome Outcome, DecisionInput Input)> JoinAsync(EcomCommand command, CommandOutcome outcome, DecisionInput input,
        EcomPolicy policy, CancellationToken cancellationToken)
    {
        foreach (var participant in EcomModules.Participants)
        {
            var reads = participant.Reads(command, outcome, policy);
            if (reads.Count == 0)
            {
                continue;
            }

            // What the participant reads that the command did not load, in one read where the store can.
            var missing = new List<AggregateKey>(reads.Count);
            foreach (var key in reads)
            {
                if (input.Find(key) is null && !missing.Contains(key))
                {
                    missing.Add(key);
                }
            }

            if (missing.Count == 1)
            {
                if (await _store.LoadAsync(missing[0], cancellationToken).ConfigureAwait(false) is { } found)
                {
                    input = input.With([found]);
                }
            }
            else if (missing.Count > 1)
            {
                input = input.With([.. await _store.LoadManyAsync(missing, cancellationToken).ConfigureAwait(false)]);
            }

            try
            {
                outcome = participant.Join(command, outcome, input);
            }
            catch (Exception e) when (AsRefusal(e, input) is { } refusal)
            {
                outcome = refusal;
            }

            if (!outcome.IsAccepted)
            {
                break;
            }
        }

        return (outcome, input);
    }
}

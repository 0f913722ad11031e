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

            var loaded = new List<StoredAggregate>(reads.Count);
            foreach (var key in reads)
            {
                if (input.Find(key) is null && loaded.FindIndex(l => l.Key == key) < 0
                    && await _store.LoadAsync(key, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    loaded.Add(found);
                }
            }

            input = input.With(loaded);
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

using EcomRules.Policies;

namespace EcomRules.Commands;

/// <summary>
/// The kernel's extension point for a module that takes part in another module's decisions without either naming the
/// other: after a command is accepted, <see cref="Engine.EcomEngine"/> shows each registered participant the command and its
/// outcome (writes and events). A participant that joins names the aggregates it reads (<see cref="Reads"/>); the
/// engine loads them with their versions and asks it to <see cref="Join"/>: it adds writes and events to the same
/// change set, or refuses the whole command naming its rule. Its writes are saved with expected versions like the
/// command's own, so a concurrent change of one of them makes the engine load and decide everything again.
/// </summary>
/// <remarks>
/// The refunds module opens the cancellation's refund this way (ORD-2); the stock module, when the policy tracks stock,
/// reserves an order's lines when the order is allocated, consumes them when it ships, releases them when it is
/// cancelled and stocks in a restocked return (WH-1, WH-3, SLA-7), while the order and return modules know nothing of
/// refunds or stock. Participants are registered
/// in <see cref="Engine.EcomModules"/>; they must be pure, stateless and cheap when they do not
/// join (<see cref="Reads"/> runs after every accepted command).
/// </remarks>
internal abstract class DecisionParticipant
{
    /// <summary>Gets the aggregates the participant reads to join <paramref name="outcome"/>; empty when it does not join.</summary>
    /// <param name="command">The accepted command.</param>
    /// <param name="outcome">Its outcome, accepted.</param>
    /// <param name="policy">The policy the command was decided under.</param>
    /// <returns>The keys to load (missing aggregates are simply not found).</returns>
    public abstract IReadOnlyList<AggregateKey> Reads(EcomCommand command, in CommandOutcome outcome, EcomPolicy policy);

    /// <summary>Joins an accepted outcome: pure, no I/O.</summary>
    /// <param name="command">The accepted command.</param>
    /// <param name="outcome">Its outcome (with the writes and events of participants that joined before).</param>
    /// <param name="input">The aggregates the command read and those of <see cref="Reads"/>, with their versions.</param>
    /// <returns><paramref name="outcome"/> with the participant's writes and events added, or a refusal of the whole command.</returns>
    public abstract CommandOutcome Join(EcomCommand command, in CommandOutcome outcome, DecisionInput input);
}

namespace EcomRules.Commands;

/// <summary>
/// A module's part in a command of another module: it names what else it needs loaded, and joins the command's
/// accepted outcome with its own writes and events in the same change set, or refuses the whole command. This is how a
/// downstream module acts on an upstream module's command (the cancellation's refund, a stock reservation) without the
/// upstream module knowing it, so modules depend on the kernel and upstream only, never in a cycle.
/// </summary>
internal abstract class DecisionParticipant
{
    /// <summary>Gets the aggregates this participant reads when it joins <paramref name="command"/>; none by default.</summary>
    /// <param name="command">The command being executed.</param>
    /// <returns>The keys to load (missing aggregates are simply absent from the input).</returns>
    public virtual IEnumerable<AggregateKey> AlsoLoads(EcomCommand command) => [];

    /// <summary>Joins an accepted outcome: returns it unchanged, extended with more writes and events, or a refusal.</summary>
    /// <param name="command">The command.</param>
    /// <param name="outcome">The accepted outcome so far.</param>
    /// <param name="input">What the engine loaded (the state before the command).</param>
    /// <returns>The outcome to commit.</returns>
    public abstract CommandOutcome Join(EcomCommand command, CommandOutcome outcome, DecisionInput input);
}

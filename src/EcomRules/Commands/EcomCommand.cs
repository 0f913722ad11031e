using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// A request to change an aggregate, executed by <see cref="Engine.EcomEngine.ExecuteAsync"/>. Every command carries its
/// idempotency key, who issues it and when. The set of commands is closed: they are the business actions of the
/// catalogue (orders, returns, refunds).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who issues the command, in which role.</param>
/// <param name="At">When the command takes effect; decisions are computed at this instant, never at "now".</param>
public abstract record EcomCommand(CommandId CommandId, Actor Actor, Instant At)
{
    /// <summary>Gets the aggregate the command changes.</summary>
    public abstract AggregateKey Target { get; }

    /// <summary>Gets the reason the actor gives, recorded in the audit trail (SEC-3); null when none.</summary>
    public virtual string? Reason => null;

    /// <summary>Gets the command's name in the audit trail.</summary>
    public virtual string Action => GetType().Name;

    /// <summary>Gets other aggregates the decision reads (loaded before deciding, and written with version checks).</summary>
    internal virtual IEnumerable<AggregateKey> AlsoLoads => [];

    /// <summary>
    /// Checks the command's own fields (nulls, lengths, counts) before any aggregate is looked at: a problem refuses
    /// the command as <see cref="RefusalCode.InvalidInput"/>, which is not recorded.
    /// </summary>
    /// <param name="limits">The policy's input limits.</param>
    /// <returns>The first problem, or null.</returns>
    internal virtual InputProblem? CheckInput(InputLimits limits) => null;

    /// <summary>Decides the command on the loaded aggregates: pure, no I/O.</summary>
    internal abstract CommandOutcome Decide(DecisionInput input);

    /// <summary>Writes every field of the payload, so that the fingerprint tells two payloads apart.</summary>
    internal abstract void WritePayload(PayloadWriter writer);
}

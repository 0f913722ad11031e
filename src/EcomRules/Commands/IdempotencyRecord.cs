namespace EcomRules.Commands;

/// <summary>
/// What a store keeps per executed command ID: the payload's fingerprint and the decision's outcome, so a repeat
/// returns the first decision and a reuse with another payload is refused.
/// </summary>
/// <param name="CommandId">The command ID.</param>
/// <param name="Fingerprint">
/// A hash of the command's payload, as text: <c>v3:</c> and the first 128 bits of SHA-256 over the payload's canonical
/// form in 32 lowercase hex digits. A store keeps it as given. Records written by earlier releases keep their untagged
/// forms, which the engine still recognises when the command is retried.
/// </param>
/// <param name="Target">The target aggregate.</param>
/// <param name="Status">Accepted or refused.</param>
/// <param name="Code">The refusal code, or none.</param>
/// <param name="RuleId">The refusing rule, or default.</param>
/// <param name="Reason">The reason or description.</param>
/// <param name="Version">The target's version after the command.</param>
public sealed record IdempotencyRecord(CommandId CommandId, string Fingerprint, AggregateKey Target, DecisionStatus Status, RefusalCode Code, RuleId RuleId, string Reason, long Version)
{
    /// <summary>Gets the payload's fingerprint, as text with a version tag (today <c>v3:</c> and 32 lowercase hex digits).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string Fingerprint { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = Fingerprint ?? throw new ArgumentNullException(nameof(Fingerprint));

    /// <summary>Gets the reason or description.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string Reason { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = Reason ?? throw new ArgumentNullException(nameof(Reason));

    /// <summary>Creates the record of a decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="fingerprint">The payload fingerprint, as text.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> or <paramref name="fingerprint"/> is null.</exception>
    public static IdempotencyRecord Of(Decision decision, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(decision.CommandId, fingerprint, decision.Target, decision.Status, decision.Code, decision.RuleId, decision.Reason, decision.Version);
    }
}

namespace EcomRules.Engine;

/// <summary>
/// What a store keeps per executed command ID: the payload's fingerprint and the decision's outcome, so a repeat
/// returns the first decision and a reuse with another payload is refused.
/// </summary>
/// <param name="CommandId">The command ID.</param>
/// <param name="Fingerprint">A hash of the command's payload (the first 128 bits of SHA-256, base64).</param>
/// <param name="Target">The target aggregate.</param>
/// <param name="Status">Accepted or refused.</param>
/// <param name="Code">The refusal code, or none.</param>
/// <param name="RuleId">The refusing rule, or default.</param>
/// <param name="Reason">The reason or description.</param>
/// <param name="Version">The target's version after the command.</param>
public sealed record IdempotencyRecord(
    CommandId CommandId,
    string Fingerprint,
    AggregateKey Target,
    DecisionStatus Status,
    RefusalCode Code,
    RuleId RuleId,
    string Reason,
    long Version)
{
    /// <summary>Creates the record of a decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="fingerprint">The payload fingerprint.</param>
    /// <returns>The record.</returns>
    public static IdempotencyRecord Of(Decision decision, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(decision.CommandId, fingerprint, decision.Target, decision.Status, decision.Code, decision.RuleId, decision.Reason, decision.Version);
    }
}

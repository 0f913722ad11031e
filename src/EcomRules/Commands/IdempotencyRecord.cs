namespace EcomRules.Commands;

/// <summary>
/// What a store keeps per executed command ID: the payload's fingerprint and the decision's outcome, so a repeat
/// returns the first decision and a reuse with another payload is refused.
/// </summary>
/// <remarks>
/// The engine creates records with the fingerprint as a number; its text (<see cref="Fingerprint"/>) is built when first
/// read, so a store that never reads it, such as the in-memory store, allocates no string. Equality compares the
/// fingerprints by value, however the records were created.
/// </remarks>
public sealed record IdempotencyRecord
{
    private readonly UInt128 _hash;
    private readonly bool _hasHash; // the record was made by the engine: Fingerprint is the text of _hash
    private string? _fingerprint;

    /// <summary>Creates a record.</summary>
    /// <param name="CommandId">The command ID.</param>
    /// <param name="Fingerprint">A hash of the command's payload, as text with a version tag (today <c>v3:</c> and 32 lowercase hex digits of SHA-256). A store keeps it as given.</param>
    /// <param name="Target">The target aggregate.</param>
    /// <param name="Status">Accepted or refused.</param>
    /// <param name="Code">The refusal code, or none.</param>
    /// <param name="RuleId">The refusing rule, or default.</param>
    /// <param name="Reason">The reason or description.</param>
    /// <param name="Version">The target's version after the command.</param>
    /// <exception cref="ArgumentNullException"><paramref name="Fingerprint"/> or <paramref name="Reason"/> is null.</exception>
#pragma warning disable SA1313 // parameter names match the properties, as in a positional record
    public IdempotencyRecord(CommandId CommandId, string Fingerprint, AggregateKey Target, DecisionStatus Status, RefusalCode Code, RuleId RuleId, string Reason, long Version)
#pragma warning restore SA1313
    {
        _fingerprint = Fingerprint ?? throw new ArgumentNullException(nameof(Fingerprint));
        this.CommandId = CommandId;
        this.Target = Target;
        this.Status = Status;
        this.Code = Code;
        this.RuleId = RuleId;
        this.Reason = Reason ?? throw new ArgumentNullException(nameof(Reason));
        this.Version = Version;
    }

    private IdempotencyRecord(CommandId commandId, UInt128 fingerprint, AggregateKey target, DecisionStatus status, RefusalCode code, RuleId ruleId, string reason, long version)
    {
        _hash = fingerprint;
        _hasHash = true;
        CommandId = commandId;
        Target = target;
        Status = status;
        Code = code;
        RuleId = ruleId;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        Version = version;
    }

    /// <summary>Gets the command ID.</summary>
    public CommandId CommandId { get; init; }

    /// <summary>
    /// Gets a hash of the command's payload, as text: <c>v3:</c> and the first 128 bits of SHA-256 over the payload's
    /// canonical form in 32 lowercase hex digits. Records written by earlier releases keep their untagged forms, which
    /// the engine still recognises when the command is retried.
    /// </summary>
    public string Fingerprint
    {
        get => _fingerprint ??= PayloadWriter.Format(_hash);
        init
        {
            _fingerprint = value ?? throw new ArgumentNullException(nameof(value));
            _hasHash = false;
        }
    }

    /// <summary>Gets the target aggregate.</summary>
    public AggregateKey Target { get; init; }

    /// <summary>Gets whether the command was accepted or refused.</summary>
    public DecisionStatus Status { get; init; }

    /// <summary>Gets the refusal code, or none.</summary>
    public RefusalCode Code { get; init; }

    /// <summary>Gets the refusing rule, or default.</summary>
    public RuleId RuleId { get; init; }

    /// <summary>Gets the reason or description.</summary>
    public string Reason { get; init; }

    /// <summary>Gets the target's version after the command.</summary>
    public long Version { get; init; }

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

    /// <summary>Whether two records are equal: every field, the fingerprints compared by value.</summary>
    /// <param name="other">The other record.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(IdempotencyRecord? other)
        => other is not null && (ReferenceEquals(this, other)
            || (CommandId == other.CommandId && Target == other.Target && Status == other.Status && Code == other.Code
                && RuleId == other.RuleId && Version == other.Version && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
                && (_hasHash && other._hasHash ? _hash == other._hash : string.Equals(Fingerprint, other.Fingerprint, StringComparison.Ordinal))));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CommandId, Target, Status, Code, RuleId, Version);

    /// <summary>Deconstructs the record.</summary>
    /// <param name="CommandId">The command ID.</param>
    /// <param name="Fingerprint">The fingerprint.</param>
    /// <param name="Target">The target.</param>
    /// <param name="Status">The status.</param>
    /// <param name="Code">The refusal code.</param>
    /// <param name="RuleId">The rule.</param>
    /// <param name="Reason">The reason.</param>
    /// <param name="Version">The version.</param>
#pragma warning disable SA1313
    public void Deconstruct(out CommandId CommandId, out string Fingerprint, out AggregateKey Target, out DecisionStatus Status, out RefusalCode Code, out RuleId RuleId, out string Reason, out long Version)
#pragma warning restore SA1313
    {
        CommandId = this.CommandId;
        Fingerprint = this.Fingerprint;
        Target = this.Target;
        Status = this.Status;
        Code = this.Code;
        RuleId = this.RuleId;
        Reason = this.Reason;
        Version = this.Version;
    }

    /// <summary>The engine's record of a decision, its fingerprint kept as a number.</summary>
    internal static IdempotencyRecord Of(CommandId commandId, UInt128 fingerprint, AggregateKey target, DecisionStatus status, RefusalCode code, RuleId ruleId, string reason, long version)
        => new(commandId, fingerprint, target, status, code, ruleId, reason, version);

    /// <summary>Whether the command recorded had the payload <paramref name="fingerprint"/>.</summary>
    internal bool HasFingerprint(UInt128 fingerprint) => _hasHash ? _hash == fingerprint : PayloadWriter.Matches(Fingerprint, fingerprint);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("CommandId = ").Append(CommandId.Value).Append(", Fingerprint = ").Append(Fingerprint)
            .Append(", Target = ").Append(Target.ToString()).Append(", Status = ").Append(Status.ToString())
            .Append(", Code = ").Append(Code.ToString()).Append(", RuleId = ").Append(RuleId.Value)
            .Append(", Reason = ").Append(Reason).Append(", Version = ").Append(Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}

namespace EcomRules.Commands;

/// <summary>
/// The result of executing a command: accepted, with the new state, version and events; or refused, with the rule
/// that refused it and a sentence a person can read. A refused command changed nothing.
/// </summary>
public sealed class Decision
{
    // The outcome is held here; the idempotency record a store keeps is made from it when a store first reads it
    // (ChangeSet.Record), or is the stored record a replay came from.
    private readonly UInt128 _fingerprint;
    private readonly byte _status; // a DecisionStatus (1 or 2): a byte, so the decision takes 112 bytes, not 120
    private IdempotencyRecord? _record;

    private Decision(CommandId commandId, AggregateKey target, DecisionStatus status, RefusalCode code, RuleId ruleId, string reason, long version,
        UInt128 fingerprint, object? state, IReadOnlyList<DomainEvent> events)
    {
        CommandId = commandId;
        Target = target;
        _status = (byte)status; // the engine's are 1 or 2; a replay reads its record's, whatever a store returned
        Code = code;
        RuleId = ruleId;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        Version = version;
        _fingerprint = fingerprint;
        State = state;
        Events = events;
    }

    private Decision(IdempotencyRecord record, object? state)
        : this(record.CommandId, record.Target, record.Status, record.Code, record.RuleId, record.Reason, record.Version, 0, state, [])
    {
        _record = record;
        IsReplay = true;
    }

    /// <summary>Gets the command's idempotency key.</summary>
    public CommandId CommandId { get; }

    /// <summary>Gets the aggregate the command targeted.</summary>
    public AggregateKey Target { get; }

    /// <summary>Gets whether the command was accepted or refused.</summary>
    public DecisionStatus Status => _record?.Status ?? (DecisionStatus)_status;

    /// <summary>Gets whether the command was accepted.</summary>
    public bool IsAccepted => Status == DecisionStatus.Accepted;

    /// <summary>Gets whether the command was refused.</summary>
    public bool IsRefused => Status == DecisionStatus.Refused;

    /// <summary>Gets the kind of refusal; <see cref="RefusalCode.None"/> when accepted.</summary>
    public RefusalCode Code { get; }

    /// <summary>Gets the catalogue rule that refused the command; default when accepted or refused for another reason.</summary>
    public RuleId RuleId { get; }

    /// <summary>Gets the reason for a refusal, or a short description of an accepted change.</summary>
    public string Reason { get; }

    /// <summary>Gets the target's version after the command (unchanged when refused; 0 when it does not exist).</summary>
    public long Version { get; }

    /// <summary>Gets the target's state after an accepted command (an immutable aggregate), or null.</summary>
    /// <remarks>
    /// A replayed acceptance returned by <see cref="Engine.EcomEngine"/> carries the target's state as stored when the command
    /// is repeated: the state the command produced, or a later one when another command has changed the target since
    /// (the idempotency record keeps no state). A refusal carries none.
    /// </remarks>
    public object? State { get; }

    /// <summary>Gets the events the command recorded; empty for refusals and replays.</summary>
    public IReadOnlyList<DomainEvent> Events { get; }

    /// <summary>
    /// Gets whether this decision is the stored outcome of an earlier execution of the same command ID, returned
    /// again without a second effect.
    /// </summary>
    public bool IsReplay { get; }

    /// <summary>Gets the state as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <returns>The state.</returns>
    /// <exception cref="InvalidOperationException">There is no state of that type (a refusal, or another aggregate).</exception>
    public T StateAs<T>()
        where T : class
        => State as T ?? throw new InvalidOperationException($"Decision for {Target} carries no {typeof(T).Name} (status {Status}{(IsReplay ? ", replay" : string.Empty)}).");

    /// <summary>Creates an accepted decision.</summary>
    /// <param name="commandId">The command ID.</param>
    /// <param name="target">The target aggregate.</param>
    /// <param name="version">The target's new version.</param>
    /// <param name="state">The target's new state.</param>
    /// <param name="events">The events recorded.</param>
    /// <param name="description">A short description of the change.</param>
    /// <returns>The decision.</returns>
    public static Decision Accepted(CommandId commandId, AggregateKey target, long version, object? state, IReadOnlyList<DomainEvent> events, string description)
        => Accepted(commandId, target, version, state, events, description, 0);

    /// <summary>Creates a refused decision.</summary>
    /// <param name="commandId">The command ID.</param>
    /// <param name="target">The target aggregate.</param>
    /// <param name="code">The kind of refusal.</param>
    /// <param name="ruleId">The rule that refused it, or default.</param>
    /// <param name="reason">The reason as a sentence.</param>
    /// <param name="version">The target's current version.</param>
    /// <returns>The decision.</returns>
    public static Decision Refused(CommandId commandId, AggregateKey target, RefusalCode code, RuleId ruleId, string reason, long version)
        => Refused(commandId, target, code, ruleId, reason, version, 0);

    /// <summary>Creates the decision returned again for a recorded command (no state, no events).</summary>
    /// <param name="record">The idempotency record.</param>
    /// <returns>The replayed decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static Decision Replay(IdempotencyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record, null);
    }

    /// <summary>The decision returned again for a recorded command, with the target's stored state (no events).</summary>
    internal static Decision Replay(IdempotencyRecord record, object? state) => new(record, state);

    /// <summary>Gets the decision's idempotency record (the engine's decisions carry their payload's fingerprint).</summary>
    // The record of this decision, made on first read (a replay's is the stored one).
    internal IdempotencyRecord Outcome => _record ??= IdempotencyRecord.Of(CommandId, _fingerprint, Target, Status, Code, RuleId, Reason, Version);

    /// <summary>An accepted decision of a command whose payload has <paramref name="fingerprint"/>.</summary>
    internal static Decision Accepted(CommandId commandId, AggregateKey target, long version, object? state, IReadOnlyList<DomainEvent> events, string description, UInt128 fingerprint)
        => new(commandId, target, DecisionStatus.Accepted, RefusalCode.None, default, description, version, fingerprint, state, events);

    /// <summary>A refused decision of a command whose payload has <paramref name="fingerprint"/>.</summary>
    internal static Decision Refused(CommandId commandId, AggregateKey target, RefusalCode code, RuleId ruleId, string reason, long version, UInt128 fingerprint)
        => new(commandId, target, DecisionStatus.Refused, code, ruleId, reason, version, fingerprint, null, []);

    /// <inheritdoc />
    public override string ToString() => IsAccepted
        ? $"{CommandId}: accepted on {Target} v{Version}: {Reason}"
        : $"{CommandId}: refused on {Target}{(RuleId.IsEmpty ? string.Empty : " by " + RuleId.Value)}: {Reason}";
}

namespace EcomRules.Commands;

/// <summary>
/// The result of executing a command: accepted, with the new state, version and events; or refused, with the rule
/// that refused it and a sentence a person can read. A refused command changed nothing.
/// </summary>
public sealed class Decision
{
    private Decision(CommandId commandId, AggregateKey target, DecisionStatus status, RefusalCode code, RuleId ruleId, string reason, long version,
        object? state, IReadOnlyList<DomainEvent> events, bool isReplay)
    {
        CommandId = commandId;
        Target = target;
        Status = status;
        Code = code;
        RuleId = ruleId;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        Version = version;
        State = state;
        Events = events;
        IsReplay = isReplay;
    }

    /// <summary>Gets the command's idempotency key.</summary>
    public CommandId CommandId { get; }

    /// <summary>Gets the aggregate the command targeted.</summary>
    public AggregateKey Target { get; }

    /// <summary>Gets whether the command was accepted or refused.</summary>
    public DecisionStatus Status { get; }

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
    /// (the idempotency record keeps no state). A target with a customer's personal data (an <c>Order</c>, a
    /// <c>ReturnCase</c>, a <c>Complaint</c>, a <c>FollowUpVisit</c>) is carried only as the command left it: changed
    /// since, the state is null, and reading it now is an audited read (SEC-2). A refusal carries none.
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
        => new(commandId, target, DecisionStatus.Accepted, RefusalCode.None, default, description, version, state, events, isReplay: false);

    /// <summary>Creates a refused decision.</summary>
    /// <param name="commandId">The command ID.</param>
    /// <param name="target">The target aggregate.</param>
    /// <param name="code">The kind of refusal.</param>
    /// <param name="ruleId">The rule that refused it, or default.</param>
    /// <param name="reason">The reason as a sentence.</param>
    /// <param name="version">The target's current version.</param>
    /// <returns>The decision.</returns>
    public static Decision Refused(CommandId commandId, AggregateKey target, RefusalCode code, RuleId ruleId, string reason, long version)
        => new(commandId, target, DecisionStatus.Refused, code, ruleId, reason, version, null, [], isReplay: false);

    /// <summary>Creates the decision returned again for a recorded command (no state, no events).</summary>
    /// <param name="record">The idempotency record.</param>
    /// <returns>The replayed decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static Decision Replay(IdempotencyRecord record) => Replay(record, null);

    /// <summary>The decision returned again for a recorded command, with the target's stored state (no events).</summary>
    internal static Decision Replay(IdempotencyRecord record, object? state)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.CommandId, record.Target, record.Status, record.Code, record.RuleId, record.Reason, record.Version, state, [], isReplay: true);
    }

    /// <inheritdoc />
    public override string ToString() => IsAccepted
        ? $"{CommandId}: accepted on {Target} v{Version}: {Reason}"
        : $"{CommandId}: refused on {Target}{(RuleId.IsEmpty ? string.Empty : " by " + RuleId.Value)}: {Reason}";
}

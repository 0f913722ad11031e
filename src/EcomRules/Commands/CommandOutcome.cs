namespace EcomRules.Commands;

/// <summary>What a command's decision produced (a struct: one per command, never stored): the writes, events and timers of an acceptance, or a refusal.</summary>
internal readonly struct CommandOutcome
{
    private static readonly IReadOnlyList<TimerRequest> NoTimers = [];

    private CommandOutcome(RefusalCode code, RuleId ruleId, string reason, IReadOnlyList<AggregateWrite> writes, IReadOnlyList<DomainEvent> events, IReadOnlyList<TimerRequest> timers)
    {
        Code = code;
        RuleId = ruleId;
        Reason = reason;
        Writes = writes;
        Events = events;
        Timers = timers;
    }

    public bool IsAccepted => Code == RefusalCode.None;

    public RefusalCode Code { get; }

    public RuleId RuleId { get; }

    /// <summary>The refusal's reason, or the accepted change's description (for the audit trail, e.g. <c>Placed → Paid</c>).</summary>
    public string Reason { get; }

    public IReadOnlyList<AggregateWrite> Writes { get; }

    public IReadOnlyList<DomainEvent> Events { get; }

    public IReadOnlyList<TimerRequest> Timers { get; }

    /// <summary>The same acceptance with other writes and events (the engine's provisional-deadline marks).</summary>
    public CommandOutcome WithWritesAndEvents(IReadOnlyList<AggregateWrite> writes, IReadOnlyList<DomainEvent> events)
        => new(Code, RuleId, Reason, writes, events, Timers);

    public static CommandOutcome Accept(string change, IReadOnlyList<AggregateWrite> writes, IReadOnlyList<DomainEvent> events, IReadOnlyList<TimerRequest>? timers = null)
        => new(RefusalCode.None, default, change, writes, events, timers ?? NoTimers);

    public static CommandOutcome Refuse(RuleId ruleId, string reason)
        => new(RefusalCode.RuleViolation, ruleId, reason, [], [], NoTimers);

    public static CommandOutcome Refuse(RefusalCode code, string reason, RuleId ruleId = default)
        => new(code, ruleId, reason, [], [], NoTimers);

    public static CommandOutcome NotFound(AggregateKey key)
        => new(RefusalCode.NotFound, default, $"{key} does not exist.", [], [], NoTimers);
}

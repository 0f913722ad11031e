using System.Globalization;
using EcomRules.Commands;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.PostgreSql;

/// <summary>Change sets for the PostgreSQL tests.</summary>
internal static class PostgreSqlTestData
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 4, 1, 0);

    public static AggregateKey Key(string id) => new("pgtest", id);

    public static TimerRequest Timer(string id, int dueMinutes) => new(id, Key("a"), "sla-breach", Start + Duration.FromMinutes(dueMinutes));

    /// <summary>A change set that only records a command and schedules timers (no aggregate, so no serializer needed).</summary>
    public static ChangeSet TimersOnly(string commandId, params TimerRequest[] timers)
        => new(Record(commandId), [], [], [], timers);

    /// <summary>A change set that only records a command and puts <paramref name="count"/> messages in the outbox.</summary>
    public static ChangeSet MessagesOnly(string commandId, int count)
        => new(Record(commandId), [], [],
            [.. Enumerable.Range(0, count).Select(i => new OutboxMessage(commandId + "/" + i.ToString(CultureInfo.InvariantCulture), new ContractEvent(Key("a"), Start, "n" + i.ToString(CultureInfo.InvariantCulture)), Start))],
            []);

    public static IdempotencyRecord Record(string commandId)
        => new(new CommandId(commandId), "fp-" + commandId, Key("a"), DecisionStatus.Accepted, RefusalCode.None, default, "test", 0);
}

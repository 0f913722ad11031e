using EcomRules.Commands;
using EcomRules.Testing;
using EcomRules.Tests.PropertyTests;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static EcomRules.Testing.ContractFixtures;

namespace EcomRules.Tests.Testing;

/// <summary>The in-memory store's log of change sets: every command ID added finds its own change set, nothing else does.</summary>
public sealed class ChangeLogTests
{
    private static readonly AggregateKey A = Key("a");

    // Up to 3,000 change sets (the size grows to it), shrinking towards none.
    [Property(EndSize = 3000)]
    public bool AnySetOfCommandIds_EachAddedIdFindsItsOwnRecord_OthersFindNothing(NonNegativeInt sets, PositiveInt salt)
    {
        var count = sets.Get;
        var log = new ChangeLog();
        var changeSets = Enumerable.Range(0, count).Select(i => new ChangeSet(Refused($"cmd-{salt.Get}-{i}", A, i), [], [], [], [])).ToArray();
        foreach (var changes in changeSets)
        {
            log.Add(changes);
        }

        return log.Commands == count && log.Count == 0
            && changeSets.All(c => ReferenceEquals(log.Find(c.CommandId), c))
            && Enumerable.Range(count, 50).All(i => log.Find(new CommandId($"cmd-{salt.Get}-{i}")) is null)
            && log.Find(new CommandId($"other-{salt.Get}")) is null;
    }

    [Property(Arbitrary = [typeof(ChangeLogTests)])]
    public bool AnyMixOfChangeSets_OutboxMessagesReadBackInCommitOrder(MessageCount[] counts)
    {
        var log = new ChangeLog();
        var sets = counts.Select((n, i) => Change($"c{i}", Key($"k{i}"), 0, events: n.Value)).ToArray();
        var expected = new List<OutboxMessage>();
        var read = new List<OutboxMessage>();
        foreach (var changes in sets)
        {
            log.Add(changes);
            expected.AddRange(changes.Outbox);
            read.Clear();
            for (var i = 0; i < log.Count; i++)
            {
                read.Add(log[i]); // read after every save: the first-message index catches up
            }

            if (!read.SequenceEqual(expected))
            {
                return false;
            }
        }

        return log.Count == expected.Count && log.AuditTrail(null).Length == sets.Sum(c => c.Audit.Count);
    }

    [Fact]
    public void AnEmptyIndex_FindsNothing()
        => Assert.Null(new ChangeLog().Find(new CommandId("c1")));

    /// <summary>Outbox messages of one change set, 0 to 3; fewer when shrunk.</summary>
    public static Arbitrary<MessageCount> MessageCounts() => Shrinks.Between(0, 3).Convert(n => new MessageCount(n), c => c.Value);

    /// <summary>How many outbox messages a change set carries.</summary>
    public readonly record struct MessageCount(int Value);
}

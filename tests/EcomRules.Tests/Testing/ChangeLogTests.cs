using EcomRules.Engine;
using EcomRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using static EcomRules.Testing.ContractFixtures;

namespace EcomRules.Tests.Testing;

/// <summary>The in-memory store's log of change sets: every command ID added finds its own change set, nothing else does.</summary>
public sealed class ChangeLogTests
{
    private static readonly AggregateKey A = Key("a");

    [Fact]
    public void AnySetOfCommandIds_EachAddedIdFindsItsOwnRecord_OthersFindNothing()
        => Prop.ForAll(Arb.From(Gen.Choose(0, 3000)), Arb.From(Gen.Choose(1, 1000)), (count, salt) =>
        {
            var log = new ChangeLog();
            var sets = Enumerable.Range(0, count).Select(i => new ChangeSet(Refused($"cmd-{salt}-{i}", A, i), [], [], [], [])).ToArray();
            foreach (var changes in sets)
            {
                log.Add(changes);
            }

            return log.Commands == count && log.Count == 0
                && sets.All(c => ReferenceEquals(log.Find(c.CommandId), c))
                && Enumerable.Range(count, 50).All(i => log.Find(new CommandId($"cmd-{salt}-{i}")) is null)
                && log.Find(new CommandId($"other-{salt}")) is null;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AnyMixOfChangeSets_OutboxMessagesReadBackInCommitOrder()
        => Prop.ForAll(Arb.From(Gen.ListOf(Gen.Choose(0, 3))), counts =>
        {
            var log = new ChangeLog();
            var sets = counts.Select((n, i) => Change($"c{i}", Key($"k{i}"), 0, events: n)).ToArray();
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
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AnEmptyIndex_FindsNothing()
        => Assert.Null(new ChangeLog().Find(new CommandId("c1")));
}

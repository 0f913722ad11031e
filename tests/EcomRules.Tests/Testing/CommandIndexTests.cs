using EcomRules.Engine;
using EcomRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using static EcomRules.Testing.ContractFixtures;

namespace EcomRules.Tests.Testing;

/// <summary>The in-memory store's idempotency index: every record added is found by its command ID, nothing else is.</summary>
public sealed class CommandIndexTests
{
    private static readonly AggregateKey A = Key("a");

    [Fact]
    public void AnySetOfCommandIds_EachAddedIdFindsItsOwnRecord_OthersFindNothing()
        => Prop.ForAll(Arb.From(Gen.Choose(0, 3000)), Arb.From(Gen.Choose(1, 1000)), (count, salt) =>
        {
            var index = new CommandIndex();
            var records = Enumerable.Range(0, count).Select(i => Accepted($"cmd-{salt}-{i}", A, i + 1)).ToArray();
            foreach (var record in records)
            {
                index.Add(record);
            }

            return index.Count == count
                && records.All(r => ReferenceEquals(index.Find(r.CommandId), r))
                && Enumerable.Range(count, 50).All(i => index.Find(new CommandId($"cmd-{salt}-{i}")) is null)
                && index.Find(new CommandId($"other-{salt}")) is null;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AnEmptyIndex_FindsNothing()
        => Assert.Null(new CommandIndex().Find(new CommandId("c1")));
}

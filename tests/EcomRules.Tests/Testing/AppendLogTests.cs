using EcomRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace EcomRules.Tests.Testing;

/// <summary>The in-memory store's append-only log: the same items, in the same order, as a list.</summary>
public sealed class AppendLogTests
{
    [Fact]
    public void AnyNumberOfItems_ReadBackInOrder_AsAListHasThem()
        => Prop.ForAll(Arb.From(Gen.Choose(0, 2000)), count =>
        {
            var log = new AppendLog<int>();
            for (var i = 0; i < count; i++)
            {
                log.Add(i * 3);
            }

            var expected = Enumerable.Range(0, count).Select(i => i * 3).ToArray();
            return log.Count == count && log.ToArray().SequenceEqual(expected) && Enumerable.Range(0, count).All(i => log[i] == expected[i]);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AnIndexOutsideTheLog_Throws()
    {
        var log = new AppendLog<string>();
        log.Add("a");
        Assert.Throws<ArgumentOutOfRangeException>(() => log[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => log[-1]);
    }
}

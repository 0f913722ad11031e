using EcomRules.Testing;
using FsCheck;
using FsCheck.Xunit;

namespace EcomRules.Tests.Testing;

/// <summary>The in-memory store's append-only log: the same items, in the same order, as a list.</summary>
public sealed class AppendLogTests
{
    // Up to 2,000 items (the size grows to it: past the growing segments and several full ones), shrinking towards none.
    [Property(EndSize = 2000)]
    public bool AnyNumberOfItems_ReadBackInOrder_AsAListHasThem(NonNegativeInt length)
    {
        var count = length.Get;
        var log = new AppendLog<int>();
        for (var i = 0; i < count; i++)
        {
            log.Add(i * 3);
        }

        var expected = Enumerable.Range(0, count).Select(i => i * 3).ToArray();
        return log.Count == count && log.ToArray().SequenceEqual(expected) && Enumerable.Range(0, count).All(i => log[i] == expected[i]);
    }

    [Fact]
    public void AnIndexOutsideTheLog_Throws()
    {
        var log = new AppendLog<string>();
        log.Add("a");
        Assert.Throws<ArgumentOutOfRangeException>(() => log[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => log[-1]);
    }
}

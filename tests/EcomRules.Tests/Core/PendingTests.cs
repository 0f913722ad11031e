using EcomRules.Internal;
using FsCheck;
using FsCheck.Xunit;

namespace EcomRules.Tests.Core;

/// <summary>The collector of a decision's events and timer requests: every item, in order, in an exact-size list.</summary>
public sealed class PendingTests
{
    [Fact]
    public void Empty_GivesAnEmptyList()
    {
        var pending = new Pending<string>();
        Assert.Empty(pending.ToReadOnlyList());
        Assert.Equal(0, pending.Count);
    }

    [Property]
    public bool AnyNumberOfItems_ComeBackInOrder_InAListOfExactlyThatSize(NonNull<string>[] items)
    {
        var pending = new Pending<string>();
        foreach (var item in items)
        {
            pending.Add(item.Get);
        }

        var list = pending.ToReadOnlyList();
        return pending.Count == items.Length && list.Count == items.Length && list.SequenceEqual(items.Select(i => i.Get))
            && (list.Count == 0 || list is string[] { Length: var length } && length == items.Length);
    }
}

using EcomRules.Testing;
using static EcomRules.Tests.Testing.PortSamples;

namespace EcomRules.Tests.Testing;

public sealed class FakeNotifierTests
{
    [Fact]
    [Trait("Rule", "ORD-4")]
    public async Task Notify_RepeatedKey_SendsOnce()
    {
        var notifier = new FakeNotifier();
        await notifier.NotifyAsync(Notification("m1"));
        await notifier.NotifyAsync(Notification("m1"));
        await notifier.NotifyAsync(Notification("m2"));

        Assert.Equal(["m1", "m2"], notifier.Sent.Select(n => n.IdempotencyKey));
        Assert.Equal(3, notifier.Calls.Count);
        Assert.Equal(PortCallOutcome.Repeated, notifier.Calls[1].Outcome);
    }

    [Fact]
    public async Task FailNext_Throws_AndSendsNothing()
    {
        var notifier = new FakeNotifier();
        notifier.FailNext(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => notifier.NotifyAsync(Notification("m1")).AsTask());
        Assert.Empty(notifier.Sent);
        await notifier.NotifyAsync(Notification("m1"));
        Assert.Single(notifier.Sent);
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    public async Task LogAndCalls_MaskTheMobileNumber()
    {
        using var log = new StringWriter();
        var notifier = new FakeNotifier { Log = log };
        await notifier.NotifyAsync(Notification("m1"));

        Assert.Contains("order-shipped", log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Mobile, log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Mobile, notifier.Calls[0].ToString(), StringComparison.Ordinal);
    }
}

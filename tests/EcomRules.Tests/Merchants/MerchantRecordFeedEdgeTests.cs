using EcomRules.Merchants;
using EcomRules.Orders.Events;
using NodaTime;
using static EcomRules.Tests.Merchants.CreditFeedFixture;

namespace EcomRules.Tests.Merchants;

/// <summary>MER-3's automatic record at its edges: a merchant removed before the violation arrives, and deliveries racing.</summary>
public sealed class MerchantRecordFeedEdgeTests
{
    [Fact]
    [Trait("Rule", "MER-3")]
    public async Task MER3_a_late_dispatch_arriving_after_the_merchant_was_removed_is_refused_once_and_the_message_completes()
    {
        using var f = new CreditFeedFixture("sqlite");
        await f.AdmitAsync();
        await f.AllocatedAsync("o1", Tea);
        foreach (var step in new[] { SanctionStep.Warning, SanctionStep.PointsDeduction, SanctionStep.Suspension, SanctionStep.Removal })
        {
            await f.Ok(new SanctionMerchant(f.NextId(), MerchantFixture.Reviewer, T0 + Duration.FromMinutes(40), Tea, step, "counterfeit goods"));
        }

        var recordBefore = (await f.MerchantAsync()).Record;
        await f.P.DrainAsync(Late);
        await f.P.DrainAsync(Late);
        await f.P.DrainAsync(Late + Duration.FromDays(1));

        Assert.Contains(f.Claimed, e => e is MerchantDispatchedLate);
        Assert.Equal(MerchantState.Removed, (await f.MerchantAsync()).State);
        Assert.Equal(recordBefore, (await f.MerchantAsync()).Record);
        Assert.Equal((1, 0), (f.P.Dispatcher.Refused, f.P.Dispatcher.Failed)); // refused once, never retried
    }

    [Fact]
    [Trait("Rule", "MER-3")]
    public async Task MER3_concurrent_redeliveries_of_a_late_dispatch_count_it_once()
    {
        using var f = new CreditFeedFixture("sqlite");
        await f.AdmitAsync();
        await f.AllocatedAsync("o1", Tea);
        await f.P.DrainAsync(Late);
        await f.P.DrainAsync(Late);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => f.DeliverAgainAsync<MerchantDispatchedLate>(Late + Duration.FromHours(1)))));

        Assert.Equal(new MerchantRecord(0, 1, 0, 0), (await f.MerchantAsync()).Record);
    }
}

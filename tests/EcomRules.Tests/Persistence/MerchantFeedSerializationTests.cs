using EcomRules.Complaints;
using EcomRules.Complaints.Events;
using EcomRules.Merchants;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Persistence;
using EcomRules.Tests.Merchants;
using EcomRules.Tests.Orders;
using NodaTime;
using static EcomRules.Tests.Merchants.CreditFeedFixture;

namespace EcomRules.Tests.Persistence;

/// <summary>The order's merchant and the complaint's finding are stored only once set (MER-3): the stored form of everything else is unchanged.</summary>
public sealed class MerchantFeedSerializationTests
{
    private static readonly EcomSerializer Serializer = EcomSerializer.Default;

    [Fact]
    [Trait("Rule", "MER-3")]
    public async Task MER3_an_order_and_a_complaint_naming_a_merchant_round_trip_and_those_without_are_stored_as_before()
    {
        using var f = new CreditFeedFixture();
        await f.AdmitAsync();
        var withMerchant = await f.ShippedAsync("o1", Tea, Late);
        var without = await f.ShippedAsync("o2", null, Late);
        var complaint = new ComplaintId("K1");
        await f.Ok(new FileComplaint(f.NextId(), OrderScenario.Customer, Late, complaint, new OrderId("o1"), null, "Late and wrong"));
        await f.Ok(new AnswerComplaint(f.NextId(), Service, Late + Duration.FromHours(1), complaint, "Refund follows.", UpheldAgainstMerchant: true));
        var plain = new ComplaintId("K2");
        await f.Ok(new FileComplaint(f.NextId(), OrderScenario.Customer, Late, plain, new OrderId("o2"), null, "Late"));

        foreach (var state in new object[] { withMerchant, without, await f.ComplaintAsync("K1"), await f.ComplaintAsync("K2") })
        {
            var json = Serializer.SerializeAggregate(state);
            var read = Serializer.DeserializeAggregate(json);
            ValueAssert.Equal(state, read);
            Assert.Equal(json, Serializer.SerializeAggregate(read));
        }

        Assert.Contains("\"merchant\":\"M-TEA\"", Serializer.SerializeAggregate(withMerchant), StringComparison.Ordinal);
        Assert.Contains("\"upheld\":true", Serializer.SerializeAggregate(await f.ComplaintAsync("K1")), StringComparison.Ordinal);
        foreach (var json in new[] { Serializer.SerializeAggregate(without), Serializer.SerializeAggregate(await f.ComplaintAsync("K2")) })
        {
            Assert.DoesNotContain("\"merchant\"", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\"upheld\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Rule", "MER-3")]
    public void MER3_the_events_that_feed_the_record_round_trip()
    {
        var at = Instant.FromUtc(2026, 3, 14, 2, 0);
        foreach (var domainEvent in new Commands.DomainEvent[]
        {
            new MerchantDispatchedLate(new OrderId("o1").Key, at, Tea, at - Duration.FromDays(7)),
            new ComplaintUpheldAgainstMerchant(new ComplaintId("K1").Key, at, Tea, ComplaintResolution.Arbitrated),
        })
        {
            var json = Serializer.SerializeEvent(domainEvent);
            var read = Serializer.DeserializeEvent(json);
            ValueAssert.Equal(domainEvent, read);
            Assert.Equal(json, Serializer.SerializeEvent(read));
        }
    }
}

using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Policies;
using EcomRules.Sla;
using EcomRules.Tests.Returns;
using NodaTime;

namespace EcomRules.Tests.Persistence;

public sealed class ReturnSerializationTests
{
    private static readonly EcomSerializer Serializer = EcomSerializer.Default;

    [Fact]
    public async Task Return_case_refund_order_and_every_event_of_their_flows_round_trip()
    {
        var f = new ReturnFixture();
        var orderId = new OrderId("S-1");
        await f.ReceivedOrder(orderId, ReturnFixture.At(2026, 3, 2));
        var done = await f.CompletedReturn(new ReturnCaseId(orderId, "R1"), ReturnFixture.At(2026, 3, 3), quantity: 2);
        var refundId = done.Refund!.Value;
        await f.Ok(new ApproveRefund(f.NextId(), ReturnFixture.DeptHead, ReturnFixture.At(2026, 3, 5), refundId));
        await f.Ok(new ReviewRefund(f.NextId(), ReturnFixture.Finance, ReturnFixture.At(2026, 3, 5), refundId));
        await f.Ok(new RequestCreditNote(f.NextId(), ReturnFixture.Finance, ReturnFixture.At(2026, 3, 5), refundId));
        await f.Ok(new RecordCreditNote(f.NextId(), Actor.System, ReturnFixture.At(2026, 3, 6), refundId, "RED-1"));
        await f.Ok(new PayRefund(f.NextId(), ReturnFixture.Payer, ReturnFixture.At(2026, 3, 6), refundId));
        var failed = new ReturnCaseId(orderId, "R2");
        await f.Ok(f.Request(failed, ReturnFixture.At(2026, 3, 4), ReturnKind.Exchange));
        await f.Ok(new DecideReturn(f.NextId(), ReturnFixture.Service, ReturnFixture.At(2026, 3, 4), failed, true, "ok"));
        await f.Ok(new RecordReturnShipment(f.NextId(), ReturnFixture.Buyer, ReturnFixture.At(2026, 3, 4), failed, "YT2", new Money(5m)));
        await f.Ok(new InspectReturn(f.NextId(), ReturnFixture.Warehouse, ReturnFixture.At(2026, 3, 5), failed, false, true, "scratched"));
        await f.Ok(new ResolveNegotiation(f.NextId(), ReturnFixture.Service, ReturnFixture.At(2026, 3, 5), failed, true, "accepted"));
        await f.Ok(new RestockReturn(f.NextId(), ReturnFixture.Warehouse, ReturnFixture.At(2026, 3, 5) + Duration.FromHours(1), failed));

        foreach (var key in new[] { orderId.Key, new ReturnCaseId(orderId, "R1").Key, failed.Key, refundId.Key })
        {
            var state = (await f.Store.LoadAsync(key))!.State;
            var json = Serializer.SerializeAggregate(state);
            var read = Serializer.DeserializeAggregate(json);
            ValueAssert.Equal(state, read);
            Assert.Equal(json, Serializer.SerializeAggregate(read));
        }

        foreach (var domainEvent in f.Store.Outbox.Select(m => m.Message.Event))
        {
            var json = Serializer.SerializeEvent(domainEvent);
            ValueAssert.Equal(domainEvent, Serializer.DeserializeEvent(json));
        }
    }

    [Theory]
    [InlineData(SlaTimeBasis.ElapsedTime)]
    [InlineData(SlaTimeBasis.WorkingTime)]
    [Trait("Rule", "SLA-6")]
    public async Task SLA6_a_return_case_in_the_special_case_reads_back_with_48_hours_not_the_policys_24(SlaTimeBasis basis)
    {
        var builder = EcomPolicy.RetailPlatform.ToBuilder();
        builder.Slas["SLA-6"] = SlaDefinitions.AfterSales(false, basis);
        var policy = builder.Build();
        var serializer = Serializer.WithSlaDefinitions(policy.Slas.Values);
        var f = new ReturnFixture(policy);
        var orderId = new OrderId("S-2");
        await f.ReceivedOrder(orderId, ReturnFixture.At(2026, 3, 2));
        var special = new ReturnCaseId(orderId, "R1");
        var ordinary = new ReturnCaseId(orderId, "R2");
        await f.Ok(f.Request(special, ReturnFixture.At(2026, 3, 3)) with { SpecialCase = true });
        await f.Ok(f.Request(ordinary, ReturnFixture.At(2026, 3, 3)));

        var specialState = (ReturnCase)(await f.Store.LoadAsync(special.Key))!.State;
        var specialJson = serializer.SerializeAggregate(specialState);
        var specialRead = (ReturnCase)serializer.DeserializeAggregate(specialJson);
        var ordinaryJson = serializer.SerializeAggregate((await f.Store.LoadAsync(ordinary.Key))!.State);
        var ordinaryRead = (ReturnCase)serializer.DeserializeAggregate(ordinaryJson);

        var calendar = f.Engine.Policy.Calendar;
        var requestedAt = ReturnFixture.At(2026, 3, 3);
        var specialDue = specialRead.Sla("SLA-6")!.OriginalBreachAt(calendar);
        Assert.Equal(specialState.Sla("SLA-6")!.OriginalBreachAt(calendar), specialDue);
        Assert.True(specialDue > ordinaryRead.Sla("SLA-6")!.OriginalBreachAt(calendar));
        Assert.True(specialRead.SpecialCase);
        if (basis == SlaTimeBasis.ElapsedTime)
        {
            Assert.Equal(requestedAt + Duration.FromHours(48), specialDue);
            Assert.Equal(requestedAt + Duration.FromHours(24), ordinaryRead.Sla("SLA-6")!.OriginalBreachAt(calendar));
        }
        ValueAssert.Equal(specialState, specialRead);
        Assert.Contains("\"sla6SpecialCase\":true", specialJson, StringComparison.Ordinal);
        Assert.DoesNotContain("sla6SpecialCase", ordinaryJson, StringComparison.Ordinal); // the stored form of an ordinary case is unchanged
    }
}

using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.PostgreSql;

/// <summary>The engine's idempotency semantics on PostgreSQL: a refusal for a missing target is not recorded.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlIdempotencyTests(PostgreSqlFixture fixture)
{
    [Fact]
    [Trait("Rule", "ORD-1")]
    public async Task ORD1_APaymentRetriedAfterItsOrderWasPlaced_PaysTheOrder()
    {
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync());
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var pay = new PayOrder(new CommandId("pay/PG-A"), Actor.System, At(2026, 3, 4, 9, 5), new OrderId("PG-A"), new Money(112m));

        Assert.Equal(RefusalCode.NotFound, (await engine.ExecuteAsync(pay)).Code);
        Assert.Null(await store.FindCommandAsync(pay.CommandId));
        Assert.True((await engine.ExecuteAsync(new PlaceOrder(new CommandId("place/PG-A"), Customer, At(2026, 3, 4, 9, 0), new OrderId("PG-A"),
            PrivateBuyer(), Lines(("SKU-1", 2, 50m))))).IsAccepted);

        var retried = await engine.ExecuteAsync(pay);
        Assert.True(retried.IsAccepted, retried.ToString());
        var replay = await engine.ExecuteAsync(pay);
        Assert.True(replay.IsReplay);
        Assert.Equal(OrderState.Paid, replay.StateAs<Order>().State);
    }
}

using EcomRules.Access;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Tests.Access;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.PostgreSql;

/// <summary>Issue 18 on PostgreSQL: audited reads append their entry, a refusal without permission writes nothing, the roster round-trips.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAccessTests(PostgreSqlFixture fixture)
{
    [Fact]
    [Trait("Rule", "SEC-2")]
    [Trait("Rule", "SEC-4")]
    public async Task SEC2_an_audited_read_and_SEC4_the_roster_on_postgresql()
    {
        await using var store = await InspectablePostgreSqlStore.OpenAsync(await fixture.CreateDatabaseAsync());
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var id = new OrderId("PG-A1");
        Assert.True((await engine.ExecuteAsync(new PlaceOrder(new("pg/place"), Customer, AccessFixture.Now, id, PrivateBuyer(), Lines(("SKU-1", 1, 10m))))).IsAccepted);
        var refused = await engine.ExecuteAsync(new ConfirmOrder(new("pg/confirm"), Carrier, AccessFixture.Now, id));
        Assert.Equal((RefusalCode.NotPermitted, RuleIds.Sec2), (refused.Code, refused.RuleId));
        Assert.Null(await store.FindCommandAsync(new("pg/confirm")));

        await engine.GetAsync(id, new DataAccess(AccessFixture.Service, AccessFixture.Now, "customer called"));
        var trail = await store.ReadAuditAsync(id.Key);
        Assert.Equal(["PlaceOrder", "ReadOrder"], trail.Select(e => e.Action));
        Assert.Equal(("cs-1", "customer called", AccessFixture.Now), (trail[1].ActorId, trail[1].Why, trail[1].At));

        Assert.True((await engine.ExecuteAsync(new AddAdministrator(new("pg/add"), AccessFixture.Head, AccessFixture.Now, AdminRosterId.Platform, "adm-1"))).IsAccepted);
        Assert.True((await engine.ExecuteAsync(new RemoveAdministrator(new("pg/remove"), AccessFixture.Head, AccessFixture.Now, AdminRosterId.Platform, "adm-1", "left"))).IsAccepted);
        var roster = (await engine.GetAsync(AdminRosterId.Platform))!.Aggregate;
        Assert.Equal("adm-1", Assert.Single(roster.PendingRotations).AdministratorId);
    }
}

using EcomRules.Access;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Refunds;
using EcomRules.Testing;
using EcomRules.Tests.Orders;
using NodaTime;

namespace EcomRules.Tests.Access;

public sealed class PermissionTests
{
    private static readonly Type[] CommandTypes = [.. typeof(EcomCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(EcomCommand)) && !t.IsAbstract)];

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_every_command_type_maps_to_the_roles_that_may_issue_it_in_both_profiles()
    {
        Assert.True(CommandTypes.Length >= 40, $"only {CommandTypes.Length} command types found");
        foreach (var policy in new[] { EcomPolicy.RetailPlatform, EcomPolicy.PartsDistributor })
        {
            var table = EcomEngine.PermissionsFor(policy);
            var missing = CommandTypes.Where(t => table.RolesFor(t.Name).IsEmpty).Select(t => t.Name).ToList();
            Assert.True(missing.Count == 0, "no role may issue " + string.Join(", ", missing));
            Assert.Equal(CommandTypes.Select(t => t.Name).Order(StringComparer.Ordinal), table.Commands.AsEnumerable());
        }
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_every_timer_fires_a_command_the_system_may_issue()
    {
        var table = EcomEngine.PermissionsFor(EcomPolicy.RetailPlatform);
        foreach (var (aggregateKind, timerKind) in EcomModules.TimerHandlers.Kinds)
        {
            var id = aggregateKind == OrderId.Kind || aggregateKind == global::EcomRules.Returns.ReturnCaseId.Kind ? "A-1" : aggregateKind == global::EcomRules.Ledgers.SalesDayId.Kind ? "2026-03-04" : aggregateKind == "merchant" ? "M-1" : aggregateKind == "delivery" ? "WH-SH/DN-1" : aggregateKind is "complaint" or "follow-up" ? "A-1" : "platform";
            var target = aggregateKind == global::EcomRules.Returns.ReturnCaseId.Kind ? new global::EcomRules.Returns.ReturnCaseId(new OrderId("A-1"), "r1").Key : new AggregateKey(aggregateKind, id);
            var name = timerKind == AdminRosterCommand.RotationTimerKind ? "rotation/adm-1" : "SLA-1";
            var command = EcomModules.TimerHandlers.CommandFor(new DueTimer($"{target.Kind}/{target.Id}/{name}", target, timerKind, AccessFixture.Now))!;
            Assert.Equal(ActorRole.System, command.Actor.Role);
            Assert.True(table.Allows(command), $"{command.GetType().Name} fired by a {timerKind} timer is not the system's");
        }
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_the_default_table_follows_the_catalogue()
    {
        var table = EcomEngine.PermissionsFor(EcomPolicy.RetailPlatform);
        Assert.True(table.Allows(nameof(PlaceOrder), ActorRole.Customer));
        Assert.True(table.Allows(nameof(CancelOrder), ActorRole.Customer)); // ORD-2
        Assert.False(table.Allows(nameof(CompleteOrder), ActorRole.Customer)); // the system completes (ORD-1)
        Assert.False(table.Allows(nameof(ApproveRefund), ActorRole.Customer));
        Assert.False(table.Allows(nameof(ApproveRefund), ActorRole.Warehouse));
        Assert.True(table.Allows(nameof(ApproveRefund), ActorRole.SalesDepartmentHead)); // REF-2, below the threshold
        Assert.True(table.Allows(nameof(ApproveRefund), ActorRole.Headquarters)); // REF-2, from the threshold
        Assert.Equal(new[] { ActorRole.CustomerService }, table.RolesFor(nameof(global::EcomRules.Returns.DecideReturn)).AsEnumerable()); // RET-3
        Assert.Equal(new[] { ActorRole.System }, table.RolesFor(nameof(RecordCredentialRotationOverdue)).AsEnumerable());
        Assert.False(table.Allows(nameof(AddAdministrator), ActorRole.Warehouse)); // SEC-4
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_the_refund_chain_follows_the_policys_roles()
    {
        var regional = new ActorRole("regional-head");
        var builder = EcomPolicyBuilder.ForProfile(PolicyProfile.RetailPlatform);
        builder.Refunds = new RefundApprovalPolicy(new Money(5000m), regional, ActorRole.Headquarters, ActorRole.DivisionFinance, ActorRole.HeadquartersFinance);
        var table = EcomEngine.PermissionsFor(builder.Build());
        Assert.True(table.Allows(nameof(ApproveRefund), regional));
        Assert.False(table.Allows(nameof(ApproveRefund), ActorRole.SalesDepartmentHead));
    }

    [Theory]
    [MemberData(nameof(AccessFixture.Kinds), MemberType = typeof(AccessFixture))]
    [Trait("Rule", "SEC-2")]
    public async Task SEC2_a_command_without_the_permission_is_refused_and_changes_nothing(string kind)
    {
        using var f = new AccessFixture(kind);
        await f.Ok(f.Place("A-1"));
        var before = (f.Counts(), await f.Json(new OrderId("A-1").Key));
        var refused = await f.Run(new ConfirmOrder(f.NextId(), OrderScenario.Customer, AccessFixture.Now, new OrderId("A-1")));
        Assert.Equal((RefusalCode.NotPermitted, RuleIds.Sec2, 0L), (refused.Code, refused.RuleId, refused.Version));
        Assert.Contains("buyer-1 acts as 'customer'", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("ConfirmOrder", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(before, (f.Counts(), await f.Json(new OrderId("A-1").Key)));
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public async Task SEC2_the_refusal_comes_before_any_read_of_the_store()
    {
        var store = new CountingStore(new InMemoryEcomStore());
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var refused = await engine.ExecuteAsync(new ApproveRefund(new CommandId("x"), OrderScenario.Carrier, AccessFixture.Now, new RefundId(new OrderId("A-1"), "r1")));
        Assert.Equal(RuleIds.Sec2, refused.RuleId);
        Assert.Equal(0, store.Calls);
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public async Task SEC2_a_refusal_is_not_recorded_so_the_same_command_id_by_a_permitted_actor_is_decided()
    {
        using var f = new AccessFixture("memory");
        await f.Ok(f.Place("A-1"));
        var id = new CommandId("confirm/A-1");
        Assert.Equal(RefusalCode.NotPermitted, (await f.Run(new ConfirmOrder(id, OrderScenario.Warehouse, AccessFixture.Now, new OrderId("A-1")))).Code);
        var total = (await f.Store.ReadAsync(new OrderId("A-1")))!.Aggregate.Total;
        var paid = await f.Run(new PayOrder(f.NextId(), Actor.System, AccessFixture.Now, new OrderId("A-1"), total));
        Assert.True(paid.IsAccepted, paid.Reason);
        Assert.True((await f.Run(new ConfirmOrder(id, OrderScenario.Sales, AccessFixture.Now, new OrderId("A-1")))).IsAccepted);
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public async Task SEC2_the_policy_extends_the_table()
    {
        var builder = EcomPolicy.RetailPlatform.ToBuilder();
        builder.Access = builder.Access.WithGrants(CommandPermissions.Empty.Allow<PlaceOrder>(ActorRole.Warehouse));
        using var granted = new AccessFixture("memory", builder.Build());
        using var plain = new AccessFixture("memory");
        Assert.Equal(RuleIds.Sec2, (await plain.Run(plain.Place("A-1", OrderScenario.Warehouse))).RuleId);
        await granted.Ok(granted.Place("A-1", OrderScenario.Warehouse));
        Assert.True(granted.Engine.Permissions.Allows(nameof(PlaceOrder), ActorRole.Customer)); // grants only add
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_a_replaced_policy_brings_its_own_table()
    {
        var engine = new EcomEngine(new InMemoryEcomStore(), EcomPolicy.RetailPlatform);
        Assert.False(engine.Permissions.Allows(nameof(PlaceOrder), ActorRole.Chairman));
        var builder = EcomPolicy.RetailPlatform.ToBuilder();
        builder.Access = new AccessPolicy(CommandPermissions.Empty.Allow(nameof(PlaceOrder), ActorRole.Chairman));
        engine.ChangePolicy(builder.Build());
        Assert.True(engine.Permissions.Allows(nameof(PlaceOrder), ActorRole.Chairman));
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_the_table_is_immutable_and_checks_its_input()
    {
        var one = CommandPermissions.Empty.Allow("PlaceOrder", ActorRole.Sales, ActorRole.Customer);
        var two = one.Allow("PlaceOrder", ActorRole.Customer);
        Assert.Same(one, two);
        Assert.Equal(new[] { ActorRole.Customer, ActorRole.Sales }, one.RolesFor("PlaceOrder").AsEnumerable());
        Assert.Empty(CommandPermissions.Empty.RolesFor("PlaceOrder"));
        var merged = one.Merge(CommandPermissions.Empty.Allow("PayOrder", ActorRole.System));
        Assert.Equal(new[] { "PayOrder", "PlaceOrder" }, merged.Commands.AsEnumerable());
        Assert.Equal(1, one.Count);
        Assert.Throws<ArgumentException>(() => one.Allow(" ", ActorRole.Sales));
        Assert.Throws<ArgumentException>(() => one.Allow("PlaceOrder", default(ActorRole)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccessPolicy(maxAdministrators: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccessPolicy(credentialRotation: Duration.Zero));
    }
}

using EcomRules.Commands;
using EcomRules.Orders;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Execution;

/// <summary>
/// DESIGN's idempotency promise, with Stripe's semantics: a result is recorded only when the command was decided
/// against its target. A missing target or invalid input is not recorded, so a retry heals; acceptances and
/// business-rule refusals are, and a replayed acceptance carries the state.
/// </summary>
public sealed class IdempotencyHealingTests
{
    private static readonly Actor Gateway = new("payment-gateway", ActorRole.System);

    private static PlaceOrder Place(string command, string order)
        => new(new CommandId(command), Customer, At(2026, 3, 4, 9, 0), new OrderId(order), PrivateBuyer(), Lines(("SKU-1", 2, 644m)));

    private static PayOrder Pay(string command, string order, decimal amount = 1300m)
        => new(new CommandId(command), Gateway, At(2026, 3, 4, 9, 5), new OrderId(order), new Money(amount));

    [Theory]
    [MemberData(nameof(EngineStores.Kinds), MemberType = typeof(EngineStores))]
    [Trait("Rule", "ORD-1")]
    public async Task ORD1_APaymentRetriedAfterItsOrderWasPlaced_IsDecidedAgain_AndPaysTheOrder(string kind)
    {
        // The README's quick start: the gateway's PayOrder arrives before PlaceOrder, and the gateway retries it.
        using var stores = EngineStores.Open(kind);
        var engine = stores.Engine;
        var early = await engine.ExecuteAsync(Pay("pay/A-1001", "A-1001"));
        Assert.Equal(RefusalCode.NotFound, early.Code);
        Assert.Null(await stores.Store.FindCommandAsync(new CommandId("pay/A-1001"))); // not recorded
        Assert.Equal(0, stores.CommandCount);

        Assert.True((await engine.ExecuteAsync(Place("place/A-1001", "A-1001"))).IsAccepted);
        var retried = await engine.ExecuteAsync(Pay("pay/A-1001", "A-1001"));

        Assert.True(retried.IsAccepted, retried.ToString());
        Assert.False(retried.IsReplay);
        Assert.Equal(OrderState.Paid, retried.StateAs<Order>().State);
        var again = await engine.ExecuteAsync(Pay("pay/A-1001", "A-1001")); // now recorded: a replay, no second effect
        Assert.True(again.IsReplay);
        Assert.True(again.IsAccepted);
        Assert.Equal(2, (await stores.Store.LoadAsync(new OrderId("A-1001").Key))!.Version);
    }

    [Theory]
    [MemberData(nameof(EngineStores.Kinds), MemberType = typeof(EngineStores))]
    [Trait("Rule", "ORD-1")]
    public async Task ORD1_InvalidInput_IsNotRecorded_AndTheCorrectedCommandUnderTheSameIdIsAccepted(string kind)
    {
        using var stores = EngineStores.Open(kind);
        var engine = stores.Engine;
        var noLines = Place("place/B-1", "B-1") with { Lines = [] };
        var refused = await engine.ExecuteAsync(noLines);
        Assert.Equal(RefusalCode.InvalidInput, refused.Code);
        Assert.False((await engine.ExecuteAsync(noLines)).IsReplay); // decided again, the same way
        Assert.Equal(0, stores.CommandCount);

        // The same key with the payload corrected is a first execution, not a reuse of the key.
        var placed = await engine.ExecuteAsync(Place("place/B-1", "B-1"));
        Assert.True(placed.IsAccepted, placed.ToString());
        Assert.Equal(1, stores.CommandCount);
    }

    [Theory]
    [MemberData(nameof(EngineStores.Kinds), MemberType = typeof(EngineStores))]
    [Trait("Rule", "ORD-1")]
    public async Task ORD1_ABusinessRuleRefusal_IsRecorded_AndReplayedWithItsRule(string kind)
    {
        using var stores = EngineStores.Open(kind);
        var engine = stores.Engine;
        Assert.True((await engine.ExecuteAsync(Place("place/C-1", "C-1"))).IsAccepted);
        var wrong = await engine.ExecuteAsync(Pay("pay/C-1", "C-1", 1m));
        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Ord1), (wrong.Code, wrong.RuleId));
        var replay = await engine.ExecuteAsync(Pay("pay/C-1", "C-1", 1m));
        Assert.True(replay.IsReplay);
        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Ord1, wrong.Reason), (replay.Code, replay.RuleId, replay.Reason));
        Assert.Null(replay.State); // a refusal carries no state, replayed or not
        Assert.Equal(2, stores.CommandCount);
    }

    [Theory]
    [MemberData(nameof(EngineStores.Kinds), MemberType = typeof(EngineStores))]
    [Trait("Rule", "ORD-1")]
    public async Task ORD1_AReplayedAcceptance_CarriesTheStateItProduced(string kind)
    {
        using var stores = EngineStores.Open(kind);
        var engine = stores.Engine;
        var placed = await engine.ExecuteAsync(Place("place/D-1", "D-1"));
        var replay = await engine.ExecuteAsync(Place("place/D-1", "D-1"));

        Assert.True(replay.IsReplay);
        var order = replay.StateAs<Order>(); // no special case for a retrying caller
        Assert.Equal(placed.StateAs<Order>().Total, order.Total);
        Assert.Equal(OrderState.Placed, order.State);
        Assert.Equal((placed.Version, placed.Target, placed.Reason), (replay.Version, replay.Target, replay.Reason));

        // After a later command the order's state is not the command's result any more: it holds the buyer's personal
        // data, so the replay carries none (SEC-2) and the caller reads it with GetAsync(id, access).
        Assert.True((await engine.ExecuteAsync(Pay("pay/D-1", "D-1"))).IsAccepted);
        var later = await engine.ExecuteAsync(Place("place/D-1", "D-1"));
        Assert.True(later.IsAccepted && later.IsReplay);
        Assert.Null(later.State);
        Assert.Equal(1, later.Version);
    }
}

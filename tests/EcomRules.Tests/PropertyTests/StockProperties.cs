using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Stock;
using EcomRules.Stock.Events;
using EcomRules.Tests.Stock;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EcomRules.Tests.PropertyTests;

/// <summary>What a random stock step does.</summary>
public enum StockAction
{
    /// <summary>A receipt of <see cref="StockStep.Quantity"/> units (some damaged when <see cref="StockStep.Explained"/> is false).</summary>
    Receive,

    /// <summary>A reservation.</summary>
    Reserve,

    /// <summary>A release.</summary>
    Release,

    /// <summary>A shipment of reserved units.</summary>
    Consume,

    /// <summary>A stocktake counting <see cref="StockStep.Quantity"/> − 5 units off the books, explained or not.</summary>
    Count,
}

/// <summary>One random step on one of two items; quantities include zero (refused) and amounts beyond what is there.</summary>
public readonly record struct StockStep(StockAction Action, bool Central, int Quantity, bool Explained, int LastWeekSales)
{
    /// <inheritdoc />
    public override string ToString() => $"{Action} {Quantity} at {(Central ? "central" : "main")}{(Explained ? "" : " (unexplained)")} / {LastWeekSales}";
}

[Properties(Arbitrary = [typeof(StockProperties)])]
public sealed class StockProperties
{
    [Property]
    [Trait("Rule", "WH-3")]
    [Trait("Rule", "WH-6")]
    public bool WH3_on_hand_and_reserved_never_go_negative_and_equal_the_sum_of_the_movements(StockStep[] plan)
    {
        var f = new StockFixture();
        foreach (var step in plan)
        {
            var id = step.Central ? StockFixture.Central : StockFixture.Main;
            var before = f.Load(id);
            var decision = f.Run(Command(f, step, (before?.State as StockItem)?.OnHand ?? 0));
            var after = f.Load(id);
            if (decision.IsRefused && (after?.Version != before?.Version || !ReferenceEquals(after?.State, before?.State)))
            {
                return false; // DESIGN: a refusal never changes the aggregate
            }

            if (decision.IsAccepted != ModelAccepts(step, before?.State as StockItem))
            {
                return false;
            }
        }

        foreach (var id in new[] { StockFixture.Main, StockFixture.Central })
        {
            var item = f.Item(id);
            var moves = f.Movements(id).ToList();
            var (onHand, reserved) = item is null ? (0, 0) : (item.OnHand, item.Reserved);
            if (onHand < 0 || reserved < 0 || reserved > onHand || onHand != moves.Sum(m => m.OnHandChange) || reserved != moves.Sum(m => m.ReservedChange)
                || moves.Any(m => m.OnHand < 0 || m.Reserved < 0 || m.Reserved > m.OnHand) || (item?.Movements ?? 0) != moves.Count)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    [Trait("Rule", "WH-4")]
    public bool WH4_alerts_alternate_with_rising_back_to_the_threshold(StockStep[] plan)
    {
        // Once per crossing: an item alerts only while armed, i.e. not since it was last at or above its threshold.
        var f = new StockFixture();
        var armed = new Dictionary<AggregateKey, bool>();
        foreach (var step in plan)
        {
            var id = step.Central ? StockFixture.Central : StockFixture.Main;
            var decision = f.Run(Command(f, step, f.Item(id)?.OnHand ?? 0));
            var alerts = decision.IsAccepted ? decision.Events.OfType<LowStockAlerted>().ToList() : [];
            if (alerts.Count > 1 || (alerts.Count == 1 && (!armed.GetValueOrDefault(id.Key, true) || alerts[0].OnHand >= alerts[0].Threshold)))
            {
                return false;
            }

            if (f.Item(id) is { LowStockThreshold: { } t } item)
            {
                armed[id.Key] = alerts.Count == 0 && (item.OnHand >= t || armed.GetValueOrDefault(id.Key, true));
                if (item.LowStockAlerted != (item.OnHand < t))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Fact]
    [Trait("Rule", "WH-3")]
    public void WH3_generated_plans_reserve_ship_and_count()
    {
        // Without plans whose reservations, shipments and stocktakes are accepted the property would be vacuous.
        var plans = Steps().Generator.ArrayOf().Sample(40, new Rnd(20261205UL), 60);
        var accepted = new HashSet<StockMovementKind>();
        foreach (var plan in plans)
        {
            var f = new StockFixture();
            foreach (var step in plan)
            {
                var id = step.Central ? StockFixture.Central : StockFixture.Main;
                f.Run(Command(f, step, f.Item(id)?.OnHand ?? 0));
            }

            accepted.UnionWith(f.Events.OfType<StockMoved>().Select(m => m.Kind));
        }

        // Returns are stocked in by the return flow (StockFlowProperties), not by a stock command.
        Assert.Equal(Enum.GetValues<StockMovementKind>().Length - 1, accepted.Count);
        Assert.DoesNotContain(StockMovementKind.Return, accepted);
    }

    /// <summary>Random steps; shrinking makes quantities small and the step a receipt at the main warehouse.</summary>
    public static Arbitrary<StockStep> Steps() => Arb.From(
        from action in Gen.Elements(Enum.GetValues<StockAction>())
        from central in Gen.Elements(false, true)
        from quantity in Gen.Choose(0, 12)
        from explained in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from sales in Gen.Choose(0, 10)
        select new StockStep(action, central, quantity, explained, sales),
        s => Shrinks.Int(s.Quantity, 0, 12).Select(q => s with { Quantity = q })
            .Concat(Shrinks.Towards(s.Action, Enum.GetValues<StockAction>()).Select(a => s with { Action = a }))
            .Concat(Shrinks.Bool(s.Central).Select(c => s with { Central = c })));

    private static EcomCommand Command(StockFixture f, StockStep step, int booked)
    {
        var id = step.Central ? StockFixture.Central : StockFixture.Main;
        return step.Action switch
        {
            StockAction.Receive => step.Explained || step.Quantity == 0
                ? new ReceiveStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, id, "DN", StockFixture.Today, Math.Max(step.Quantity, 1), step.Quantity, 0, false, "short")
                : new ReceiveStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, id, "DN", StockFixture.Today, step.Quantity, step.Quantity, 1, false, "one damaged"),
            StockAction.Reserve => new ReserveStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, id, step.Quantity, "O"),
            StockAction.Release => new ReleaseStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, id, step.Quantity, "O"),
            StockAction.Consume => new ConsumeStock(f.NextId(), StockFixture.Receiver, StockFixture.Now, id, step.Quantity, "O", step.LastWeekSales),
            _ => new CountStock(f.NextId(), StockFixture.Counter, StockFixture.Now, id, "ST", booked, Math.Max(0, booked + step.Quantity - 5),
                step.Explained ? Explain(Math.Max(0, booked + step.Quantity - 5) - booked) : [], step.LastWeekSales),
        };
    }

    private static ImmutableArray<StockDifference> Explain(int difference) => difference switch
    {
        > 0 => [new StockDifference(StockDifferenceKind.Surplus, difference, "found", "wh-7")],
        < 0 => [new StockDifference(StockDifferenceKind.Shortage, -difference - (difference < -1 ? 1 : 0), "lost", "wh-7"),
            .. difference < -1 ? [new StockDifference(StockDifferenceKind.Damage, 1, "broken", "wh-8")] : ImmutableArray<StockDifference>.Empty],
        _ => [],
    };

    // The model of WH-2/WH-3/WH-6 acceptance, independent of the command code.
    private static bool ModelAccepts(StockStep step, StockItem? item)
    {
        var onHand = item?.OnHand ?? 0;
        var reserved = item?.Reserved ?? 0;
        var counted = Math.Max(0, onHand + step.Quantity - 5);
        return step.Action switch
        {
            StockAction.Receive => true,
            StockAction.Reserve => item is not null && step.Quantity > 0 && step.Quantity <= onHand - reserved,
            StockAction.Release or StockAction.Consume => item is not null && step.Quantity > 0 && step.Quantity <= reserved,
            _ => item is not null && (step.Explained || counted == onHand) && counted >= reserved,
        };
    }
}

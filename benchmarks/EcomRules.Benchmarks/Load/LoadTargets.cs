using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Benchmarks.Load;

/// <summary>
/// The engine side of a load cell: every client places a new order and pays it, then the next, so each step is one
/// command (alternately <see cref="PlaceOrder"/> and <see cref="PayOrder"/>) and every command writes a different
/// aggregate — what a peak of new orders looks like. Order numbers come from <see cref="LoadOrderNumbers"/>.
/// </summary>
internal static class LoadTargets
{
    private static readonly Actor Buyer = new("buyer", ActorRole.Customer);
    private static readonly ImmutableArray<OrderLine> Lines = [new OrderLine("SKU-1", 1, new Money(40m))];

    /// <summary>Makes client <paramref name="client"/>'s step: place an order, then pay it, alternately.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="numbers">The cell's order numbers.</param>
    /// <param name="client">The client's number.</param>
    /// <param name="clock">The cell's clock: each command carries its instant.</param>
    /// <returns>The step.</returns>
    public static Func<ValueTask> PlaceAndPay(EcomEngine engine, LoadOrderNumbers numbers, int client, LoadClock clock)
    {
        var buyer = SampleBuyers.Private();
        var next = numbers.For(client);
        OrderId? placed = null;
        var total = default(Money);
        return async () =>
        {
            if (placed is { } order)
            {
                placed = null;
                Accepted(await engine.ExecuteAsync(new PayOrder(new CommandId("pay-" + order.Value), Actor.System, clock.Now, order, total)).ConfigureAwait(false));
                return;
            }

            var id = new OrderId(next());
            var decision = Accepted(await engine.ExecuteAsync(new PlaceOrder(new CommandId("place-" + id.Value), Buyer, clock.Now, id, buyer, Lines)).ConfigureAwait(false));
            placed = id;
            total = ((Order)decision.State!).Total;
        };
    }

    /// <summary>Creates an engine on a store with the retail-platform policy.</summary>
    /// <param name="store">The store.</param>
    /// <returns>The engine.</returns>
    public static EcomEngine Engine(Ports.IEcomStore store) => new(store, EcomPolicy.RetailPlatform);

    private static Decision Accepted(Decision decision)
        => decision.IsAccepted ? decision : throw new InvalidOperationException("A load-test command was refused: " + decision);
}

using System.Collections.Immutable;
using EcomRules.Internal;
using EcomRules.Shipping;

namespace EcomRules.Ports;

/// <summary>
/// Books a shipment with the preferred carrier and fails over to the backups, in the policy's order, when a carrier
/// fails (throws) or refuses (CAR-2). Each carrier gets its own idempotency key (<c>{key}/{carrier}</c>), so a retry
/// of the whole request repeats no booking.
/// </summary>
public sealed class CarrierRouter
{
    private readonly Dictionary<CarrierId, ICarrierGateway> _gateways;

    /// <summary>Creates a router over the registered gateways.</summary>
    /// <param name="gateways">One gateway per carrier.</param>
    /// <exception cref="ArgumentException">Two gateways serve the same carrier.</exception>
    public CarrierRouter(IEnumerable<ICarrierGateway> gateways)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        _gateways = [];
        foreach (var gateway in gateways)
        {
            Preconditions.CheckArgument(_gateways.TryAdd(gateway.Carrier, gateway), nameof(gateways), $"Two gateways serve carrier '{gateway.Carrier}'.");
        }
    }

    /// <summary>Books with the first carrier of <paramref name="ranked"/> that books; the others are tried in order (CAR-2).</summary>
    /// <param name="request">The request; its carrier is replaced by each carrier tried.</param>
    /// <param name="ranked">The carriers, preferred first.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The booking and every failed attempt before it.</returns>
    /// <exception cref="CarrierUnavailableException">Every carrier failed or refused, or none has a gateway.</exception>
    public async ValueTask<CarrierRouting> BookAsync(ShipmentRequest request, IReadOnlyList<CarrierId> ranked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ranked);
        var failures = ImmutableArray.CreateBuilder<string>();
        foreach (var carrier in ranked)
        {
            if (!_gateways.TryGetValue(carrier, out var gateway))
            {
                failures.Add($"{carrier}: no gateway is registered");
                continue;
            }

            try
            {
                var attempt = request with { Carrier = carrier, IdempotencyKey = $"{request.IdempotencyKey}/{carrier}" };
                var booking = await gateway.BookAsync(attempt, cancellationToken).ConfigureAwait(false);
                if (booking.IsBooked)
                {
                    return new CarrierRouting(booking, failures.ToImmutable());
                }

                failures.Add($"{carrier}: refused: {booking.Refusal}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // CAR-2: a failing carrier is replaced by the next one.
                failures.Add($"{carrier}: failed: {e.Message}");
            }
        }

        throw new CarrierUnavailableException(request.Order, failures.ToImmutable());
    }
}

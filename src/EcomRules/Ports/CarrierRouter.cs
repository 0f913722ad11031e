using System.Collections.Immutable;
using EcomRules.Internal;
using EcomRules.Shipping;

namespace EcomRules.Ports;

/// <summary>
/// Books a shipment with one carrier per delivery attempt, failing over ACROSS attempts (CAR-2): attempt 0 asks the
/// preferred carrier, attempt 1 the first backup, and so on, staying on the last carrier once the list runs out.
/// Each carrier gets its own idempotency key (<c>{key}/{carrier}</c>).
/// </summary>
/// <remarks>
/// <para><b>Why one carrier per attempt.</b> A router that tries the backups within one call has a flaw under
/// at-least-once delivery: the preferred carrier fails, a backup books, the process dies before the outbox message is
/// completed, the message is delivered again — and the preferred carrier, now healthy, books a second pickup. Here the
/// carrier depends only on the attempt number the store keeps (<see cref="OutboxEnvelope.Attempts"/>, which grows only
/// when a failure is recorded), so a crash after a booking retries the SAME carrier with the SAME key, and the carrier's
/// idempotency answers with the booking it already made.</para>
/// <para><b>A timeout after the carrier accepted.</b> A carrier that timed out (or failed after accepting) may have
/// booked anyway. Before a later attempt asks a backup, every carrier asked by an earlier attempt is looked up by its
/// key (<see cref="ICarrierGateway.FindBookingAsync"/>, which never books); a booking found there is the answer, so the
/// parcel is booked once. <b>Residual risk:</b> a carrier that cannot look up (the default) or whose look-up fails too
/// is treated as not booked; carriers' pickup lists must then be reconciled.</para>
/// </remarks>
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

    /// <summary>Gets the position, among <paramref name="carriers"/> ranked carriers, of the one that delivery attempt <paramref name="attempt"/> asks.</summary>
    /// <param name="carriers">How many carriers are ranked.</param>
    /// <param name="attempt">The delivery attempt, 0 for the first.</param>
    /// <returns>The rank: <paramref name="attempt"/>, capped at the last carrier.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="carriers"/> is not positive or <paramref name="attempt"/> is negative.</exception>
    public static int RankFor(int carriers, int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(carriers);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        return Math.Min(attempt, carriers - 1);
    }

    /// <summary>
    /// Asks the one carrier that attempt <paramref name="attempt"/> is for (CAR-2): the preferred carrier first, then
    /// each backup on a later attempt.
    /// </summary>
    /// <param name="request">The request; its carrier and idempotency key are replaced by the carrier's (<c>{key}/{carrier}</c>).</param>
    /// <param name="ranked">The carriers, preferred first.</param>
    /// <param name="attempt">How many earlier attempts failed (<see cref="OutboxEnvelope.Attempts"/>).</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The booking and the rank of the carrier that made it.</returns>
    /// <exception cref="ArgumentException"><paramref name="ranked"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is negative.</exception>
    /// <exception cref="CarrierUnavailableException">The carrier refused, failed, or has no gateway; retry with the next attempt.</exception>
    public async ValueTask<CarrierRouting> BookAsync(ShipmentRequest request, IReadOnlyList<CarrierId> ranked, int attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ranked);
        Preconditions.CheckArgument(ranked.Count > 0, nameof(ranked), "At least one carrier is needed.");
        var rank = RankFor(ranked.Count, attempt);
        for (var earlier = 0; earlier < rank; earlier++)
        {
            // CAR-2: a carrier asked before may have booked although its call failed (a timeout after accepting).
            if (await FindEarlierAsync(request, ranked[earlier], cancellationToken).ConfigureAwait(false) is { IsBooked: true } booked)
            {
                return new CarrierRouting(booked, earlier);
            }
        }

        var carrier = ranked[rank];
        if (!_gateways.TryGetValue(carrier, out var gateway))
        {
            throw new CarrierUnavailableException(request.Order, [$"{carrier}: no gateway is registered"]);
        }

        ShipmentBooking booking;
        try
        {
            booking = await gateway.BookAsync(request with { Carrier = carrier, IdempotencyKey = KeyFor(request, carrier) }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // CAR-2: the next attempt asks the next carrier.
            throw new CarrierUnavailableException(request.Order, [$"{carrier}: failed: {e.Message}"]);
        }

        return booking.IsBooked
            ? new CarrierRouting(booking, rank)
            : throw new CarrierUnavailableException(request.Order, ImmutableArray.Create($"{carrier}: refused: {booking.Refusal}"));
    }

    private static string KeyFor(ShipmentRequest request, CarrierId carrier) => $"{request.IdempotencyKey}/{carrier}";

    private async ValueTask<ShipmentBooking?> FindEarlierAsync(ShipmentRequest request, CarrierId carrier, CancellationToken cancellationToken)
    {
        if (!_gateways.TryGetValue(carrier, out var gateway))
        {
            return null;
        }

        try
        {
            return await gateway.FindBookingAsync(KeyFor(request, carrier), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Still unreachable: the backup is asked, as before look-ups existed (the residual risk above).
            return null;
        }
    }
}

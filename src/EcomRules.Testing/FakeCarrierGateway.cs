using System.Globalization;
using EcomRules.Ports;
using EcomRules.Shipping;

namespace EcomRules.Testing;

/// <summary>
/// An <see cref="ICarrierGateway"/> for one carrier that books pickups with tracking numbers made of the carrier ID in
/// upper case and a sequence (<c>SF000001</c> for carrier <c>sf</c>), or refuses or fails when told to (CAR-2).
/// Deduplicates bookings by idempotency key: a repeat returns the first booking and books nothing again; a refused or
/// failed request had no effect, so asking again is a new question. Thread-safe.
/// </summary>
public sealed class FakeCarrierGateway : FakePort, ICarrierGateway
{
    private readonly string _prefix;
    private readonly EffectLog<ShipmentRequest, ShipmentBooking> _bookings;
    private int _refuseNext;

    /// <summary>Creates a gateway for <paramref name="carrier"/>.</summary>
    /// <param name="carrier">The carrier.</param>
    /// <exception cref="ArgumentException"><paramref name="carrier"/> is the default (blank) ID.</exception>
    public FakeCarrierGateway(CarrierId carrier)
        : base("carrier " + carrier.Value)
    {
        if (carrier.Value.Length == 0)
        {
            throw new ArgumentException("The carrier ID is blank.", nameof(carrier));
        }

        Carrier = carrier;
        _prefix = carrier.Value.ToUpperInvariant();
        _bookings = new(Recorder.Gate);
    }

    /// <inheritdoc />
    public CarrierId Carrier { get; }

    /// <summary>Gets or sets how every call is answered once any <see cref="FakePort.FailNext"/> or <see cref="RefuseNext"/> is used up.</summary>
    /// <value>The default is <see cref="FakeCarrierBehaviour.Book"/>.</value>
    public FakeCarrierBehaviour Behaviour { get; set; }

    /// <summary>Gets the pickups booked, one per idempotency key, in order.</summary>
    public IReadOnlyList<PortEffect<ShipmentRequest, ShipmentBooking>> Bookings => _bookings.Snapshot();

    /// <summary>Makes the next <paramref name="count"/> new requests refused.</summary>
    /// <param name="count">How many requests are refused; 0 ends the refusals.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void RefuseNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Recorder.Gate)
        {
            _refuseNext = count;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is for another carrier.</exception>
    /// <exception cref="InvalidOperationException">A simulated outage (<see cref="FakePort.FailNext"/> or <see cref="FakeCarrierBehaviour.Fail"/>).</exception>
    /// <exception cref="TimeoutException">A simulated timeout after booking (<see cref="FakeCarrierBehaviour.BookThenTimeOut"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<ShipmentBooking> BookAsync(ShipmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Carrier != Carrier)
        {
            throw new ArgumentException($"A request for carrier '{request.Carrier}' reached the gateway of '{Carrier}'.", nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var booking = Recorder.Call("book pickup", request.IdempotencyKey, request, fail: Behaviour == FakeCarrierBehaviour.Fail, _bookings,
            Answer, static booking => booking.IsBooked);
        return Behaviour == FakeCarrierBehaviour.BookThenTimeOut && booking.IsBooked
            ? throw new TimeoutException($"carrier {Carrier}: simulated timeout after booking {request.IdempotencyKey}.")
            : new(booking);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="idempotencyKey"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<ShipmentBooking?> FindBookingAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (Recorder.Gate)
        {
            return new(_bookings.Find(idempotencyKey));
        }
    }

    private ShipmentBooking Answer(ShipmentRequest request)
    {
        if (_refuseNext > 0 || Behaviour == FakeCarrierBehaviour.Refuse)
        {
            _refuseNext = Math.Max(0, _refuseNext - 1);
            return ShipmentBooking.Refused(Carrier, "simulated refusal: no pickup capacity");
        }

        return ShipmentBooking.Booked(Carrier, string.Create(CultureInfo.InvariantCulture, $"{_prefix}{_bookings.Count + 1:D6}"));
    }
}

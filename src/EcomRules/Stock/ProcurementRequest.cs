using System.Collections.Immutable;
using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// A request to buy stock of one item (WH-4, WH-5): immutable. Operations approves it; a request above
/// <see cref="ChairmanThreshold"/> also needs the chairman's sign-off before it is <see cref="ProcurementState.Approved"/>.
/// Nobody signs a request they made.
/// </summary>
public sealed record ProcurementRequest
{
    private ProcurementRequest(ProcurementRequestId id, StockItemId item, int quantity, Money amount, string requestedBy, Instant requestedAt)
    {
        Id = id;
        Item = item;
        Quantity = quantity;
        Amount = amount;
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
        Signatures = [];
    }

    /// <summary>Gets the amount above which the chairman signs off (WH-5): 1,000.00 yuan; exactly 1,000.00 needs only operations.</summary>
    public static Money ChairmanThreshold { get; } = new(1000m);

    /// <summary>Gets the request's ID.</summary>
    public ProcurementRequestId Id { get; private init; }

    /// <summary>Gets the item to buy.</summary>
    public StockItemId Item { get; private init; }

    /// <summary>Gets how many units.</summary>
    public int Quantity { get; private init; }

    /// <summary>Gets the amount.</summary>
    public Money Amount { get; private init; }

    /// <summary>Gets who requested it; they sign no step (WH-5).</summary>
    public string RequestedBy { get; private init; }

    /// <summary>Gets when it was requested.</summary>
    public Instant RequestedAt { get; private init; }

    /// <summary>Gets where it stands.</summary>
    public ProcurementState State { get; private init; }

    /// <summary>Gets whether the amount is above <see cref="ChairmanThreshold"/>, so the chairman signs off (WH-5).</summary>
    public bool NeedsChairman => Amount > ChairmanThreshold;

    /// <summary>Gets the signatures: operations' approval, then the chairman's sign-off when needed.</summary>
    public ImmutableArray<ProcurementSignature> Signatures { get; private init; }

    /// <inheritdoc />
    public override string ToString() => $"Procurement {Id} ({State}, {Amount})";

    internal static ProcurementRequest Open(ProcurementRequestId id, StockItemId item, int quantity, Money amount, string requestedBy, Instant at)
        => new(id, item, quantity, amount, requestedBy, at);

    // Persistence (EcomSerializer): rebuilds a stored state; the caller has validated each value.
    internal static ProcurementRequest Rehydrate(ProcurementRequestId id, StockItemId item, int quantity, Money amount, string requestedBy, Instant requestedAt,
        ProcurementState state, ImmutableArray<ProcurementSignature> signatures)
        => new(id, item, quantity, amount, requestedBy, requestedAt) { State = state, Signatures = signatures };

    internal ProcurementRequest Signing(ProcurementState next, ProcurementSignature signature) => this with { State = next, Signatures = Signatures.Add(signature) };
}

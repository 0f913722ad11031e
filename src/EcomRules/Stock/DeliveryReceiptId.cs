using EcomRules.Commands;
using EcomRules.Internal;
using EcomRules.Inventory;

namespace EcomRules.Stock;

/// <summary>Identifies a delivery that arrived at a warehouse (WH-2). The store key is <c>delivery/{warehouse}/{note}</c>.</summary>
public readonly record struct DeliveryReceiptId : IAggregateId<DeliveryReceipt>
{
    /// <summary>The aggregate kind of deliveries in the store.</summary>
    public const string Kind = "delivery";

    private readonly string? _note;

    /// <summary>Creates the ID.</summary>
    /// <param name="warehouse">The receiving warehouse.</param>
    /// <param name="deliveryNote">The delivery note's number: 1-64 characters, no white space or '/'.</param>
    /// <exception cref="ArgumentException">The warehouse is default or the number is not valid.</exception>
    public DeliveryReceiptId(WarehouseId warehouse, string deliveryNote)
    {
        Preconditions.CheckArgument(warehouse.Value.Length > 0, nameof(warehouse), "A delivery arrives at a warehouse.");
        Warehouse = warehouse;
        _note = Preconditions.CheckAggregateId(deliveryNote, "a delivery note number");
    }

    /// <summary>Gets the warehouse.</summary>
    public WarehouseId Warehouse { get; }

    /// <summary>Gets the delivery note's number.</summary>
    public string DeliveryNote => _note ?? string.Empty;

    /// <summary>Gets the delivery's key in the store.</summary>
    public AggregateKey Key => new(Kind, Warehouse.Value + "/" + DeliveryNote);

    /// <inheritdoc />
    public override string ToString() => Warehouse.Value + "/" + DeliveryNote;

    /// <summary>The ID of a receipt line's delivery, or null when the note cannot name one.</summary>
    internal static DeliveryReceiptId? Of(WarehouseId warehouse, string? note)
        => !string.IsNullOrWhiteSpace(note) && note.Length <= 64 && !note.Any(c => char.IsWhiteSpace(c) || c == '/') && warehouse.Value.Length > 0
            ? new DeliveryReceiptId(warehouse, note) : null;
}

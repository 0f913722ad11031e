using EcomRules.Commands;
using EcomRules.Internal;
using EcomRules.Inventory;

namespace EcomRules.Stock;

/// <summary>
/// Identifies the stock of one SKU in one warehouse (WH-3). The store key is <c>stock/{warehouse}/{sku}</c>. A SKU
/// longer than the policy's <see cref="Policies.InputLimits.MaxCodeLength"/> is refused by the command as invalid
/// input, so the ID itself only checks that the SKU can be part of a key.
/// </summary>
public readonly record struct StockItemId : IAggregateId<StockItem>
{
    /// <summary>The aggregate kind of stock items in the store.</summary>
    public const string Kind = "stock";

    private readonly string? _sku;

    /// <summary>Creates a stock item ID.</summary>
    /// <param name="warehouse">The warehouse that holds the stock.</param>
    /// <param name="sku">The SKU: no white space or '/', at most <see cref="Policies.InputLimits.Ceiling"/> characters.</param>
    /// <exception cref="ArgumentException"><paramref name="warehouse"/> is default, or <paramref name="sku"/> is blank or not key-safe.</exception>
    public StockItemId(WarehouseId warehouse, string sku)
    {
        Preconditions.CheckArgument(warehouse.Value.Length > 0, nameof(warehouse), "Stock is held in a warehouse.");
        Preconditions.CheckNotBlank(sku);
        Preconditions.CheckArgument(sku.Length <= Policies.InputLimits.Ceiling && !sku.Any(c => char.IsWhiteSpace(c) || c == '/'), nameof(sku),
            "A SKU has no white space or '/'.");
        Warehouse = warehouse;
        _sku = sku;
    }

    /// <summary>Gets the warehouse.</summary>
    public WarehouseId Warehouse { get; }

    /// <summary>Gets the SKU.</summary>
    public string Sku => _sku ?? string.Empty;

    /// <summary>Gets the item's key in the store (<c>stock/{warehouse}/{sku}</c>).</summary>
    public AggregateKey Key => new(Kind, Warehouse.Value + "/" + Sku);

    /// <inheritdoc />
    public override string ToString() => Warehouse.Value + "/" + Sku;
}

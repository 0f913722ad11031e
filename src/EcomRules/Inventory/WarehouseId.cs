using EcomRules.Internal;

namespace EcomRules.Inventory;

/// <summary>
/// Identifies a warehouse that dispatches orders, such as the main warehouse (总仓) or the division's central
/// warehouse (中心仓) of WH-1.
/// </summary>
public readonly record struct WarehouseId
{
    private readonly string? _value;

    /// <summary>Creates a warehouse ID.</summary>
    /// <param name="value">A short code: letters, digits, '-' or '_', at most 64 characters.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank, too long or has other characters.</exception>
    public WarehouseId(string value)
    {
        Preconditions.CheckNotBlank(value);
        Preconditions.CheckArgument(value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), nameof(value),
            $"'{value}' is not a warehouse ID: use at most 64 letters, digits, '-' or '_'.");
        _value = value;
    }

    /// <summary>Gets the main warehouse (总仓), which ships to every province not routed elsewhere (WH-1).</summary>
    public static WarehouseId Main { get; } = new("main");

    /// <summary>Gets the division's central warehouse (中心仓), which ships to the remote provinces (WH-1).</summary>
    public static WarehouseId Central { get; } = new("central");

    /// <summary>Gets the code.</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public override string ToString() => Value;
}

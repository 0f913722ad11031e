using System.Globalization;
using EcomRules.Commands;
using NodaTime;
using NodaTime.Text;

namespace EcomRules.Ledgers;

/// <summary>Identifies the sales ledger of one working day (FIN-1). The store key is <c>sales-day/{yyyy-MM-dd}</c>.</summary>
/// <param name="Day">The working day, in the merchant's zone.</param>
public readonly record struct SalesDayId(LocalDate Day) : IAggregateId<SalesDay>
{
    /// <summary>The aggregate kind of daily sales ledgers in the store.</summary>
    public const string Kind = "sales-day";

    /// <summary>Gets the ledger's key in the store.</summary>
    public AggregateKey Key => new(Kind, LocalDatePattern.Iso.Format(Day));

    /// <summary>Reads the ID from a store key.</summary>
    /// <param name="key">A key of kind <see cref="Kind"/>.</param>
    /// <returns>The ID.</returns>
    /// <exception cref="ArgumentException">The key is not a sales day's.</exception>
    public static SalesDayId FromKey(AggregateKey key)
        => string.Equals(key.Kind, Kind, StringComparison.Ordinal) && LocalDatePattern.Iso.Parse(key.Id) is { Success: true } day
            ? new SalesDayId(day.Value)
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{key}' is not the key of a sales day."), nameof(key));

    /// <inheritdoc />
    public override string ToString() => LocalDatePattern.Iso.Format(Day);
}

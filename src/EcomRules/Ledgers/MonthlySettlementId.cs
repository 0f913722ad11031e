using System.Globalization;
using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Ledgers;

/// <summary>Identifies the settlement of one month (FIN-2). The store key is <c>settlement/{yyyy-MM}</c>.</summary>
/// <param name="Month">The month.</param>
public readonly record struct MonthlySettlementId(YearMonth Month) : IAggregateId<MonthlySettlement>
{
    /// <summary>The aggregate kind of monthly settlements in the store.</summary>
    public const string Kind = "settlement";

    /// <summary>Gets the settlement's key in the store.</summary>
    public AggregateKey Key => new(Kind, ToString());

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Month.Year:D4}-{Month.Month:D2}");
}

using System.Collections.Immutable;
using EcomRules.Customers;

namespace EcomRules.Shipping;

/// <summary>
/// A carrier's fee per destination region (CAR-1): a fee for every province it serves, or a default fee for every
/// province not listed. A province with neither is not served.
/// </summary>
public sealed class CarrierFeeTable
{
    private readonly ImmutableDictionary<Province, Money> _fees;

    private CarrierFeeTable(Money? defaultFee, ImmutableDictionary<Province, Money> fees)
    {
        DefaultFee = defaultFee;
        _fees = fees;
    }

    /// <summary>Gets a table with one fee for every province.</summary>
    /// <param name="fee">The fee.</param>
    /// <returns>The table.</returns>
    public static CarrierFeeTable Flat(Money fee) => new(fee, ImmutableDictionary<Province, Money>.Empty);

    /// <summary>Gets a table that serves no province until fees are added with <see cref="With"/>.</summary>
    public static CarrierFeeTable Empty { get; } = new(null, ImmutableDictionary<Province, Money>.Empty);

    /// <summary>Gets the fee for provinces not listed, or null when only listed provinces are served.</summary>
    public Money? DefaultFee { get; }

    /// <summary>Gets the fees of the listed provinces.</summary>
    public IReadOnlyDictionary<Province, Money> Fees => _fees;

    /// <summary>Returns a table with <paramref name="fee"/> for <paramref name="province"/>.</summary>
    /// <param name="province">The province.</param>
    /// <param name="fee">The fee.</param>
    /// <returns>The new table.</returns>
    /// <exception cref="ArgumentException"><paramref name="province"/> is default.</exception>
    public CarrierFeeTable With(Province province, Money fee)
    {
        Internal.Preconditions.CheckArgument(!province.IsDefault, nameof(province), "A fee needs a province.");
        return new(DefaultFee, _fees.SetItem(province, fee));
    }

    /// <summary>Gets the fee to <paramref name="province"/> (CAR-1).</summary>
    /// <param name="province">The destination province.</param>
    /// <param name="fee">The fee, when served.</param>
    /// <returns>Whether the carrier serves the province.</returns>
    public bool TryGetFee(Province province, out Money fee)
    {
        if (_fees.TryGetValue(province, out fee))
        {
            return true;
        }

        fee = DefaultFee ?? Money.Zero;
        return DefaultFee is not null;
    }
}

using System.Collections.Frozen;
using System.Collections.Immutable;
using EcomRules.Customers;
using EcomRules.Internal;

namespace EcomRules.Shipping;

/// <summary>
/// The merchant's carriers (CAR-1) and how one is chosen for a destination: the cheapest carrier that serves the
/// province is preferred; the others that serve it, cheapest first, are the backups that take over when the
/// preferred one fails or refuses (CAR-2). Ties keep the declared order.
/// </summary>
public sealed class CarrierPolicy
{
    private readonly FrozenDictionary<Province, (ImmutableArray<CarrierChoice> Choices, ImmutableArray<CarrierId> Ids)> _ranked;

    /// <summary>Creates the policy.</summary>
    /// <param name="carriers">The carriers, at least one, with distinct IDs.</param>
    /// <exception cref="ArgumentException">There is no carrier, or two share an ID.</exception>
    public CarrierPolicy(IEnumerable<CarrierTerms> carriers)
    {
        ArgumentNullException.ThrowIfNull(carriers);
        Carriers = [.. carriers];
        Preconditions.CheckArgument(Carriers.Length > 0, nameof(carriers), "At least one carrier is needed (CAR-1).");
        var duplicate = Carriers.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        Preconditions.CheckArgument(duplicate is null, nameof(carriers), $"Carrier '{duplicate?.Key}' is listed twice.");

        // The terms are immutable: rank once per province, so a command ranks without allocating.
        var ranked = new Dictionary<Province, (ImmutableArray<CarrierChoice>, ImmutableArray<CarrierId>)>(Province.All.Count);
        foreach (var province in Province.All)
        {
            var choices = RankNow(province);
            ranked.Add(province, (choices, [.. choices.Select(c => c.Carrier)]));
        }

        _ranked = ranked.ToFrozenDictionary();
    }

    /// <summary>Gets the default carriers: a preferred express carrier at CNY 12 everywhere and a backup at CNY 15 (example fees).</summary>
    public static CarrierPolicy Default { get; } = new([
        new CarrierTerms(new CarrierId("sf"), "SF Express", CarrierFeeTable.Flat(new Money(12m))
            .With(Province.Xinjiang, new Money(25m)).With(Province.Tibet, new Money(30m))),
        new CarrierTerms(new CarrierId("ems"), "China Post EMS", CarrierFeeTable.Flat(new Money(15m))),
    ]);

    /// <summary>Gets the carriers in declared order.</summary>
    public ImmutableArray<CarrierTerms> Carriers { get; }

    /// <summary>Ranks the carriers that serve <paramref name="province"/>: preferred first, then the backups (CAR-1, CAR-2).</summary>
    /// <param name="province">The destination.</param>
    /// <returns>The ranked choices; empty when no carrier serves the province.</returns>
    public ImmutableArray<CarrierChoice> Rank(Province province)
        => _ranked.TryGetValue(province, out var ranked) ? ranked.Choices : RankNow(province);

    /// <summary>Gets the IDs of <see cref="Rank"/>'s choices, in the same order.</summary>
    internal ImmutableArray<CarrierId> RankedIds(Province province)
        => _ranked.TryGetValue(province, out var ranked) ? ranked.Ids : [.. RankNow(province).Select(c => c.Carrier)];

    private ImmutableArray<CarrierChoice> RankNow(Province province)
    {
        var builder = ImmutableArray.CreateBuilder<CarrierChoice>(Carriers.Length);
        foreach (var carrier in Carriers)
        {
            if (carrier.Fees.TryGetFee(province, out var fee))
            {
                builder.Add(new CarrierChoice(carrier.Id, fee));
            }
        }

        // Stable sort by fee: ties keep the declared order.
        return [.. builder.Select((c, i) => (c, i)).OrderBy(x => x.c.Fee).ThenBy(x => x.i).Select(x => x.c)];
    }
}

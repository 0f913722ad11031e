using System.Collections.ObjectModel;
using EcomRules.Customers;
using EcomRules.Internal;

namespace EcomRules.Inventory;

/// <summary>
/// Chooses the warehouse that ships to a province (WH-1). Immutable: <see cref="With"/> returns a new routing.
/// </summary>
/// <remarks>
/// WH-1: the remote provinces — Liaoning, Gansu, Ningxia, Tibet, Xinjiang, Yunnan and Inner Mongolia — ship from
/// the division's central warehouse (<see cref="WarehouseId.Central"/>); every other province from the main
/// warehouse (<see cref="WarehouseId.Main"/>). That is <see cref="Default"/>; a merchant with other warehouses
/// starts from <see cref="Default"/> or <see cref="AllFrom"/> and overrides provinces with <see cref="With"/>.
/// </remarks>
public sealed class WarehouseRouting
{
    // Indexed by Province.Index, so every province has exactly one warehouse.
    private readonly WarehouseId[] _routes;

    private WarehouseRouting(WarehouseId[] routes) => _routes = routes;

    /// <summary>Gets the WH-1 routing: the seven remote provinces to the central warehouse, the rest to the main one.</summary>
    public static WarehouseRouting Default { get; } = AllFrom(WarehouseId.Main)
        .With(Province.Liaoning, WarehouseId.Central)
        .With(Province.Gansu, WarehouseId.Central)
        .With(Province.Ningxia, WarehouseId.Central)
        .With(Province.Tibet, WarehouseId.Central)
        .With(Province.Xinjiang, WarehouseId.Central)
        .With(Province.Yunnan, WarehouseId.Central)
        .With(Province.InnerMongolia, WarehouseId.Central);

    /// <summary>Gets every province with its warehouse, in GB/T 2260 code order.</summary>
    public IReadOnlyDictionary<Province, WarehouseId> Routes
        => new ReadOnlyDictionary<Province, WarehouseId>(Province.All.ToDictionary(p => p, Route));

    /// <summary>Returns a routing that ships every province from one warehouse.</summary>
    /// <param name="warehouse">The warehouse.</param>
    /// <returns>The routing.</returns>
    /// <exception cref="ArgumentException"><paramref name="warehouse"/> is <c>default(WarehouseId)</c>.</exception>
    public static WarehouseRouting AllFrom(WarehouseId warehouse)
    {
        CheckWarehouse(warehouse);
        return new WarehouseRouting(Enumerable.Repeat(warehouse, Province.All.Count).ToArray());
    }

    /// <summary>Returns a copy of this routing in which <paramref name="province"/> ships from <paramref name="warehouse"/>.</summary>
    /// <param name="province">The province.</param>
    /// <param name="warehouse">The warehouse that ships to it.</param>
    /// <returns>The new routing; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="province"/> or <paramref name="warehouse"/> is default.</exception>
    public WarehouseRouting With(Province province, WarehouseId warehouse)
    {
        Province.CheckNotDefault(province, nameof(province));
        CheckWarehouse(warehouse);
        var routes = (WarehouseId[])_routes.Clone();
        routes[province.Index] = warehouse;
        return new WarehouseRouting(routes);
    }

    /// <summary>Returns the warehouse that ships to a province (WH-1).</summary>
    /// <param name="province">The ship-to province.</param>
    /// <returns>The warehouse.</returns>
    /// <exception cref="ArgumentException"><paramref name="province"/> is <c>default(Province)</c>.</exception>
    public WarehouseId Route(Province province)
    {
        Province.CheckNotDefault(province, nameof(province));
        return _routes[province.Index];
    }

    private static void CheckWarehouse(WarehouseId warehouse)
        => Preconditions.CheckArgument(!string.IsNullOrEmpty(warehouse.Value), nameof(warehouse), "default(WarehouseId) is no warehouse.");
}

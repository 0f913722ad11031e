using System.Globalization;
using EcomRules.Access;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Testing;
using EcomRules.Tests.Orders;
using EcomRules.Tests.Sqlite;
using NodaTime;

namespace EcomRules.Tests.Access;

/// <summary>An engine on the in-memory or SQLite store, with what the access tests need to count and compare.</summary>
internal sealed class AccessFixture : IDisposable
{
    internal static readonly Instant Now = OrderScenario.At(2026, 3, 4, 9, 0);
    internal static readonly Actor Admin = new("adm-0", ActorRole.Administrator);
    internal static readonly Actor Head = new("hq-1", ActorRole.Headquarters);
    internal static readonly Actor Clerk = new("wh-1", ActorRole.Warehouse);
    internal static readonly Actor Service = new("cs-1", ActorRole.CustomerService);
    private readonly SqliteTestDatabase? _database;
    private int _next;

    internal AccessFixture(string kind, EcomPolicy? policy = null)
    {
        if (kind == "memory")
        {
            Store = new InMemoryEcomStore();
        }
        else
        {
            _database = new SqliteTestDatabase();
            Store = _database.Open(EcomSerializer.Default);
        }

        Engine = new EcomEngine(Store, policy ?? EcomPolicy.RetailPlatform);
    }

    public static TheoryData<string> Kinds => new() { "memory", "sqlite" };

    internal IEcomStore Store { get; }

    internal EcomEngine Engine { get; }

    internal CommandId NextId() => new("a" + (++_next).ToString(CultureInfo.InvariantCulture));

    internal Task<Decision> Run(EcomCommand command) => Engine.ExecuteAsync(command).AsTask();

    internal async Task<Decision> Ok(EcomCommand command)
    {
        var decision = await Run(command);
        Assert.True(decision.IsAccepted, decision.Reason);
        return decision;
    }

    internal PlaceOrder Place(string order, Actor? by = null)
        => new(NextId(), by ?? OrderScenario.Customer, Now, new OrderId(order), OrderScenario.PrivateBuyer(), OrderScenario.Lines(("SKU-1", 2, 644m)));

    internal AddAdministrator Add(string admin, Actor? by = null) => new(NextId(), by ?? Head, Now, AdminRosterId.Platform, admin);

    internal RemoveAdministrator Remove(string admin, Actor? by = null, Instant? at = null)
        => new(NextId(), by ?? Head, at ?? Now, AdminRosterId.Platform, admin, "left the company");

    internal async Task<AdminRoster> Roster() => (await Store.GetAsync(AdminRosterId.Platform))!.Aggregate;

    /// <summary>Counts what a command could have written: idempotency records, audit entries, outbox messages, timers, aggregates.</summary>
    internal string Counts()
    {
        if (Store is InMemoryEcomStore memory)
        {
            return $"commands {memory.CommandCount}, audit {memory.AuditTrail.Count}, outbox {memory.Outbox.Count}, timers {memory.Timers.Count}, aggregates {memory.AggregateCount}";
        }

        return string.Create(CultureInfo.InvariantCulture, $"commands {_database!.Scalar("SELECT count(*) FROM commands;")}, audit {_database.Scalar("SELECT count(*) FROM audit;")}, "
            + $"outbox {_database.Scalar("SELECT count(*) FROM outbox;")}, timers {_database.Scalar("SELECT count(*) FROM timers;")}, aggregates {_database.Scalar("SELECT count(*) FROM aggregates;")}");
    }

    /// <summary>Counts every audit entry in the store.</summary>
    internal long AuditCount() => Store is InMemoryEcomStore memory ? memory.AuditTrail.Count : _database!.Scalar("SELECT count(*) FROM audit;");

    /// <summary>The stored JSON and version of an aggregate, or "-".</summary>
    internal async Task<string> Json(AggregateKey key)
        => await Store.LoadAsync(key) is { } stored ? $"v{stored.Version} {EcomSerializer.Default.SerializeAggregate(stored.State)}" : "-";

    public void Dispose()
    {
        (Store as IDisposable)?.Dispose();
        _database?.Dispose();
    }
}

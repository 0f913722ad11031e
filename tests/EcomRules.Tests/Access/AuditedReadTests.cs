using EcomRules.Access;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Inventory;
using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Returns;
using EcomRules.Stock;
using EcomRules.Testing;
using EcomRules.Tests.Orders;
using NodaTime;

namespace EcomRules.Tests.Access;

public sealed class AuditedReadTests
{
    private static readonly Instant Later = AccessFixture.Now + Duration.FromMinutes(5);

    [Theory]
    [MemberData(nameof(AccessFixture.Kinds), MemberType = typeof(AccessFixture))]
    [Trait("Rule", "SEC-2")]
    public async Task SEC2_a_read_of_an_orders_personal_data_leaves_one_audit_entry_saying_who_what_when_why(string kind)
    {
        using var f = new AccessFixture(kind);
        await f.Ok(f.Place("A-1"));
        var id = new OrderId("A-1");
        var read = await f.Engine.GetAsync(id, new DataAccess(AccessFixture.Service, Later, "customer asked where the parcel is"));
        Assert.Equal("A-1", read!.Aggregate.Id.Value);
        var trail = await f.Store.ReadAuditAsync(id.Key);
        Assert.Equal(["PlaceOrder", "ReadOrder"], trail.Select(e => e.Action));
        var entry = trail[^1];
        Assert.Equal(("cs-1", ActorRole.CustomerService, Later, "read", "customer asked where the parcel is", read.Version),
            (entry.ActorId, entry.ActorRole, entry.At, entry.Change, entry.Why, entry.Version));
        Assert.StartsWith("read/", entry.CommandId.Value, StringComparison.Ordinal);
        Assert.Equal(f.Engine.Policy.RetainUntil(Later), entry.RetainUntil); // kept like every audit entry (ORD-6)
    }

    [Theory]
    [MemberData(nameof(AccessFixture.Kinds), MemberType = typeof(AccessFixture))]
    [Trait("Rule", "SEC-2")]
    public async Task SEC2_reads_without_personal_data_or_of_nothing_leave_no_entry(string kind)
    {
        using var f = new AccessFixture(kind);
        await f.Ok(f.Place("A-1"));
        await f.Ok(f.Add("adm-1"));
        var access = new DataAccess(AccessFixture.Service, Later, "checking");
        var before = f.AuditCount();
        Assert.Null(await f.Engine.GetAsync(new OrderId("A-404"), access));
        Assert.Null(await f.Engine.GetAsync(new ReturnCaseId(new OrderId("A-1"), "r1"), access));
        Assert.Null(await f.Engine.GetAsync(new StockItemId(WarehouseId.Main, "SKU-1"), access));
        Assert.NotNull(await f.Engine.GetAsync(AdminRosterId.Platform, access)); // staff IDs, no customer's data
        Assert.NotNull(await f.Engine.GetAsync(AdminRosterId.Platform)); // the unaudited read, for data without a customer's
        Assert.Equal(before, f.AuditCount());
    }

    [Theory]
    [MemberData(nameof(AccessFixture.Kinds), MemberType = typeof(AccessFixture))]
    [Trait("Rule", "SEC-2")]
    public async Task SEC2_no_read_api_returns_personal_data_without_saying_who_and_why(string kind)
    {
        using var f = new AccessFixture(kind);
        await f.Ok(f.Place("A-1"));
        var before = f.AuditCount();

        // engine.GetAsync(orderId) and store.GetAsync(orderId) do not compile (an [Obsolete] error overload for
        // IPersonalDataId); reached through the general interface, they refuse at run time, and nothing is read or written.
        IAggregateId<Order> asInterface = new OrderId("A-1");
        var fromEngine = await Assert.ThrowsAsync<InvalidOperationException>(async () => await f.Engine.GetAsync(asInterface));
        var fromStore = await Assert.ThrowsAsync<InvalidOperationException>(async () => await f.Store.GetAsync(asInterface));

        Assert.Contains("SEC-2", fromEngine.Message, StringComparison.Ordinal);
        Assert.Contains("DataAccess", fromStore.Message, StringComparison.Ordinal);
        Assert.Equal(before, f.AuditCount());
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_every_aggregate_with_personal_data_has_an_id_that_says_so_and_no_other_does()
    {
        var assembly = typeof(Order).Assembly;
        var attribute = assembly.GetType("EcomRules.Commands.PersonalDataAttribute", throwOnError: true)!;
        var ids = assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAggregateId<>)).Select(i => (Id: t, Aggregate: i.GetGenericArguments()[0])))
            .Where(x => !x.Id.IsInterface)
            .ToList();

        var mismatched = ids
            .Where(x => x.Aggregate.IsDefined(attribute, inherit: false) != typeof(IPersonalDataId<>).MakeGenericType(x.Aggregate).IsAssignableFrom(x.Id))
            .Select(x => $"{x.Id.Name} → {x.Aggregate.Name}")
            .ToList();

        Assert.Empty(mismatched);
        Assert.Equal(["Complaint", "FollowUpVisit", "Order", "ReturnCase"],
            ids.Where(x => x.Aggregate.IsDefined(attribute, inherit: false)).Select(x => x.Aggregate.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public async Task SEC2_every_audited_read_is_its_own_entry_and_a_store_without_audit_serves_none()
    {
        using var f = new AccessFixture("memory");
        await f.Ok(f.Place("A-1"));
        var access = new DataAccess(AccessFixture.Service, Later, "checking");
        await f.Engine.GetAsync(new OrderId("A-1"), access);
        await f.Engine.GetAsync(new OrderId("A-1"), access);
        var reads = ((InMemoryEcomStore)f.Store).AuditTrail.Where(e => e.Action == "ReadOrder").ToList();
        Assert.Equal(2, reads.Count);
        Assert.NotEqual(reads[0].CommandId, reads[1].CommandId);

        var noAudit = new EcomEngine(new ReadOnlyAuditStore(f.Store), f.Engine.Policy);
        await Assert.ThrowsAsync<NotSupportedException>(async () => await noAudit.GetAsync(new OrderId("A-1"), access));
        Assert.Throws<ArgumentException>(() => new DataAccess(AccessFixture.Service, Later, " "));
        await Assert.ThrowsAsync<ArgumentException>(async () => await f.Engine.GetAsync(new OrderId("A-1"), new DataAccess(AccessFixture.Service, Later, new string('x', 5000))));
    }

    [Theory]
    [MemberData(nameof(AccessFixture.Kinds), MemberType = typeof(AccessFixture))]
    [Trait("Rule", "SEC-2")]
    public async Task SEC2_a_replayed_command_carries_an_order_only_as_it_left_it(string kind)
    {
        using var f = new AccessFixture(kind);
        var place = f.Place("A-1");
        var placed = await f.Ok(place);
        var unchanged = await f.Run(place);
        await f.Ok(new PayOrder(f.NextId(), OrderScenario.Customer, AccessFixture.Now, new OrderId("A-1"), placed.StateAs<Order>().Total));
        var before = f.AuditCount();

        var later = await f.Run(place);

        Assert.True(unchanged.IsReplay);
        Assert.Equal(placed.StateAs<Order>().Total, unchanged.StateAs<Order>().Total); // the caller's own result, as it left it
        Assert.True(later.IsReplay);
        Assert.True(later.IsAccepted);
        Assert.Null(later.State); // a later state is a new read, which says who and why
        Assert.Equal(before, f.AuditCount());
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_the_unaudited_overloads_for_personal_data_are_compile_time_errors()
    {
        var overloads = new[] { typeof(EcomEngine), typeof(EcomStoreExtensions), typeof(OutboxDelivery) }
            .SelectMany(t => t.GetMethods())
            .Where(m => m.Name == "GetAsync" && m.GetParameters().Any(p => p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IPersonalDataId<>)))
            .ToList();

        Assert.Equal(5, overloads.Count); // engine (id) and (id, token), store (id) and (id, token), outbox delivery (id, token)
        Assert.All(overloads, m => Assert.True(m.GetCustomAttributes(typeof(ObsoleteAttribute), false) is [ObsoleteAttribute { IsError: true } obsolete] && obsolete.Message!.Contains("SEC-2", StringComparison.Ordinal), m.ToString()));
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public async Task SEC2_an_id_a_host_marks_as_personal_data_is_audited_and_guarded_like_the_built_in_ones()
    {
        using var f = new AccessFixture("memory");
        await f.Ok(f.Add("adm-1"));
        var hostId = new HostMarkedRosterId(AdminRosterId.Platform.Key); // the roster type itself is not marked
        var access = new DataAccess(AccessFixture.Service, Later, "checking");
        var before = f.AuditCount();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await f.Engine.GetAsync((IAggregateId<AdminRoster>)hostId));
        Assert.NotNull(await f.Engine.GetAsync(hostId, access));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await f.Engine.GetAsync((IAggregateId<Order>)null!, access));

        Assert.Equal(before + 1, f.AuditCount());
    }

    /// <summary>An aggregate ID a host marks as leading to personal data.</summary>
    private readonly record struct HostMarkedRosterId(AggregateKey Key) : IPersonalDataId<AdminRoster>;

    /// <summary>A store that implements only the required members: no audited reads.</summary>
    private sealed class ReadOnlyAuditStore(IEcomStore inner) : IEcomStore
    {
        public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default) => inner.LoadAsync(key, cancellationToken);

        public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default) => inner.FindCommandAsync(commandId, cancellationToken);

        public ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default) => inner.SaveAsync(changes, cancellationToken);

        public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default) => inner.ReadAuditAsync(key, cancellationToken);
    }
}

using System.Globalization;
using EcomRules.Commands;
using EcomRules.Complaints;
using EcomRules.Engine;
using EcomRules.Merchants;
using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Ports;
using EcomRules.Testing;
using EcomRules.Tests.Orders;
using EcomRules.Tests.Processing;
using EcomRules.Tests.Sqlite;
using NodaTime;

namespace EcomRules.Tests.Merchants;

/// <summary>
/// An engine on the in-memory or SQLite store with the fake ports and a dispatcher (<see cref="ProcessingFixture"/>),
/// one admitted merchant, and a way to deliver an outbox message a second time: the library's own feed of the
/// merchant's record (MER-3) from late dispatches (ORD-3) and upheld complaints (AFS-1, AFS-2).
/// </summary>
internal sealed class CreditFeedFixture : IDisposable
{
    internal static readonly MerchantId Tea = new("M-TEA");
    internal static readonly Instant T0 = ProcessingFixture.T0;
    internal static readonly Actor Service = new("cs-1", ActorRole.CustomerService);

    /// <summary>Well after the 3 calendar days of the retail policy's dispatch deadline (ORD-3).</summary>
    internal static readonly Instant Late = T0 + Duration.FromDays(10);

    private readonly SqliteTestDatabase? _database;
    private readonly RecordingOutbox _outbox;
    private int _next;

    internal CreditFeedFixture(string kind = "memory")
    {
        IEcomStore store;
        if (kind == "memory")
        {
            store = new InMemoryEcomStore();
        }
        else
        {
            _database = new SqliteTestDatabase();
            store = _database.Open(EcomSerializer.Default);
        }

        _outbox = new RecordingOutbox((IOutboxStore)store);
        P = new ProcessingFixture(store, outbox: _outbox);
    }

    public static TheoryData<string> Kinds => new() { "memory", "sqlite" };

    internal ProcessingFixture P { get; }

    internal IEcomStore Store => P.Store;

    internal EcomEngine Engine => P.Engine;

    internal CommandId NextId() => new("f" + (++_next).ToString(CultureInfo.InvariantCulture));

    internal async Task<Decision> Ok(EcomCommand command)
    {
        var decision = await Engine.ExecuteAsync(command);
        Assert.True(decision.IsAccepted, $"{command.Action} refused: {decision.RuleId} {decision.Reason}");
        return decision;
    }

    internal async Task<Merchant> AdmitAsync(MerchantId? id = null)
    {
        await Ok(new ApplyForAdmission(NextId(), MerchantFixture.Applicant, T0 - Duration.FromDays(30), id ?? Tea, "Fuzhou Tea Trading Co., Ltd.",
            MerchantFixture.ValidCode, MerchantFixture.ValidCode));
        return (await Ok(new ReviewQualification(NextId(), MerchantFixture.Reviewer, T0 - Duration.FromDays(29), id ?? Tea, true, "licence verified", 12))).StateAs<Merchant>();
    }

    internal async Task<Merchant> MerchantAsync(MerchantId? id = null) => (Merchant)(await Store.LoadAsync((id ?? Tea).Key))!.State;

    internal async Task<Order> OrderAsync(string id) => (Order)(await Store.LoadAsync(new OrderId(id).Key))!.State;

    internal async Task<Complaint> ComplaintAsync(string id) => (Complaint)(await Store.LoadAsync(new ComplaintId(id).Key))!.State;

    internal PlaceOrder Place(string id, MerchantId? merchant, Instant? at = null)
        => new(new($"{id}/place"), OrderScenario.Customer, at ?? T0, new OrderId(id), OrderScenario.PrivateBuyer(), OrderScenario.Lines(("SKU-1", 2, 50m))) { Merchant = merchant };

    /// <summary>Places and pays an order (the dispatch deadline is set), confirms and allocates it: the outbox then holds InvoiceRequested.</summary>
    internal async Task AllocatedAsync(string id, MerchantId? merchant)
    {
        var order = new OrderId(id);
        await Ok(Place(id, merchant));
        await Ok(new PayOrder(new($"{id}/pay"), Actor.System, T0 + Duration.FromMinutes(5), order, (await OrderAsync(id)).Total));
        await Ok(new ConfirmOrder(new($"{id}/confirm"), OrderScenario.Sales, T0 + Duration.FromMinutes(10), order));
        await Ok(new AllocateStock(new($"{id}/allocate"), OrderScenario.Warehouse, T0 + Duration.FromMinutes(30), order, "DN-" + id));
    }

    /// <summary>An allocated order whose invoice and shipment the outbox delivers at <paramref name="shipAt"/>: late when after the deadline.</summary>
    internal async Task<Order> ShippedAsync(string id, MerchantId? merchant, Instant shipAt)
    {
        await AllocatedAsync(id, merchant);
        await P.DrainAsync(shipAt);
        await P.DrainAsync(shipAt);
        return await OrderAsync(id);
    }

    /// <summary>Gets the events of every outbox message the dispatcher claimed so far.</summary>
    internal IEnumerable<DomainEvent> Claimed => _outbox.Claimed.Select(static e => e.Message.Event);

    /// <summary>Delivers every message of <typeparamref name="TEvent"/> the dispatcher delivered once already, a second time.</summary>
    internal async Task<int> DeliverAgainAsync<TEvent>(Instant now)
        where TEvent : DomainEvent
    {
        var again = _outbox.Claimed.Where(e => e.Message.Event is TEvent).ToList();
        foreach (var envelope in again)
        {
            var delivery = new OutboxDelivery(envelope, now, P.Invoices, new CarrierRouter([P.Sf, P.Zto, P.Ems]), P.Notifier, Engine.ExecuteAsync, Engine.LoadAsync);
            Assert.True(await EcomModules.OutboxHandlers.DeliverAsync(delivery, CancellationToken.None));
        }

        return again.Count;
    }

    public void Dispose() => _database?.Dispose();

    /// <summary>An outbox that keeps every envelope claimed from it.</summary>
    private sealed class RecordingOutbox(IOutboxStore inner) : IOutboxStore
    {
        public List<OutboxEnvelope> Claimed { get; } = [];

        public async ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
        {
            var claimed = await inner.ClaimOutboxAsync(owner, max, now, lease, cancellationToken);
            Claimed.AddRange(claimed);
            return claimed;
        }

        public ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default)
            => inner.CompleteOutboxAsync(sequence, owner, now, cancellationToken);

        public ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default)
            => inner.FailOutboxAsync(sequence, owner, error, retryAt, deadLetter, cancellationToken);

        public ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default) => inner.ReadDeadLettersAsync(max, cancellationToken);

        public ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default) => inner.RetryDeadLetterAsync(sequence, now, cancellationToken);

        public ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetOutboxStatisticsAsync(cancellationToken);
    }
}

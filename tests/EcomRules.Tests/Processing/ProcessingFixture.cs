using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Shipping;
using EcomRules.Testing;
using EcomRules.Tests.Orders;
using NodaTime;

namespace EcomRules.Tests.Processing;

/// <summary>An engine over any store, the fake ports, a dispatcher and a scheduler, with helpers to drive orders.</summary>
public sealed class ProcessingFixture
{
    public static readonly Instant T0 = OrderScenario.At(2026, 3, 4, 9, 0);

    public ProcessingFixture(IEcomStore store, OutboxDispatcherOptions? options = null, IOutboxStore? outbox = null, ITimerStore? timers = null)
    {
        Store = store;
        Engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        Dispatcher = new OutboxDispatcher(outbox ?? (IOutboxStore)store, Engine, Invoices, new CarrierRouter([Sf, Zto, Ems]), Notifier, options);
        Scheduler = new TimerScheduler(timers ?? (ITimerStore)store, Engine);
    }

    public IEcomStore Store { get; }

    public EcomEngine Engine { get; }

    public FakeInvoiceIssuer Invoices { get; } = new();

    public FakeCarrierGateway Sf { get; } = new(new CarrierId("sf"));

    public FakeCarrierGateway Zto { get; } = new(new CarrierId("zto"));

    public FakeCarrierGateway Ems { get; } = new(new CarrierId("ems"));

    public FakeNotifier Notifier { get; } = new();

    public OutboxDispatcher Dispatcher { get; }

    public TimerScheduler Scheduler { get; }

    public async Task<Decision> RunAsync(EcomCommand command)
    {
        var decision = await Engine.ExecuteAsync(command);
        Assert.True(decision.IsAccepted, decision.ToString());
        return decision;
    }

    /// <summary>Places, pays, confirms and allocates: the outbox then holds InvoiceRequested.</summary>
    public async Task AllocatedAsync(string id, Instant? at = null)
    {
        var t = at ?? T0;
        var order = new OrderId(id);
        await RunAsync(new PlaceOrder(new($"{id}/place"), OrderScenario.Customer, t, order, OrderScenario.PrivateBuyer(), OrderScenario.Lines(("SKU-1", 2, 50m))));
        await RunAsync(new PayOrder(new($"{id}/pay"), Actor.System, t + Duration.FromMinutes(5), order, (await OrderAsync(id)).Total));
        await RunAsync(new ConfirmOrder(new($"{id}/confirm"), OrderScenario.Sales, t + Duration.FromMinutes(10), order));
        await RunAsync(new AllocateStock(new($"{id}/allocate"), OrderScenario.Warehouse, t + Duration.FromMinutes(30), order, "DN-" + id));
    }

    public async Task<Order> OrderAsync(string id) => (Order)(await Store.LoadAsync(new OrderId(id).Key))!.State;

    /// <summary>Runs the dispatcher until the outbox has nothing available at <paramref name="now"/>.</summary>
    public async Task DrainAsync(Instant now, string owner = "test")
    {
        for (var i = 0; i < 20 && await Dispatcher.RunOnceAsync(owner, now) > 0; i++)
        {
        }
    }

    public static bool IsShipment(OutboxEnvelope envelope) => envelope.Message.Event is ShipmentRequested;
}

/// <summary>
/// An outbox whose completion of a message of type <typeparamref name="TEvent"/> "crashes" the process: the delivery
/// happened, the completion never does.
/// </summary>
internal sealed class CrashingOutbox<TEvent>(IOutboxStore inner, CancellationTokenSource crash) : IOutboxStore
    where TEvent : EcomRules.Commands.DomainEvent
{
    private readonly HashSet<long> _fatal = [];

    public async ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        var claimed = await inner.ClaimOutboxAsync(owner, max, now, lease, cancellationToken);
        _fatal.UnionWith(claimed.Where(e => e.Message.Event is TEvent).Select(e => e.Sequence));
        return claimed;
    }

    public ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default)
    {
        if (!_fatal.Contains(sequence))
        {
            return inner.CompleteOutboxAsync(sequence, owner, now, cancellationToken);
        }

        crash.Cancel();
        throw new OperationCanceledException(crash.Token);
    }

    public ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default)
        => inner.FailOutboxAsync(sequence, owner, error, retryAt, deadLetter, cancellationToken);

    public ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default) => inner.ReadDeadLettersAsync(max, cancellationToken);

    public ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default) => inner.RetryDeadLetterAsync(sequence, now, cancellationToken);

    public ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetOutboxStatisticsAsync(cancellationToken);
}

using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Hosting;
using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Shipping;
using EcomRules.Testing;
using EcomRules.Tests.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace EcomRules.Tests.Hosting;

public sealed class HostedServicesTests
{
    [Fact]
    [Trait("Rule", "CAR-3")]
    public async Task SqliteHost_DeliversTheOutboxInTheBackground_AndStopsGracefully()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ecomrules-host-{Guid.NewGuid():N}.db");
        try
        {
            var clock = new FakeClock(OrderScenario.At(2026, 3, 4, 10, 0));
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSingleton<IClock>(clock);
            builder.Services.AddEcomRules(o =>
            {
                o.Outbox.PollInterval = TimeSpan.FromMilliseconds(20);
                o.Timers.PollInterval = TimeSpan.FromMilliseconds(20);
            }).UseSqlite(file);
            var invoices = new FakeInvoiceIssuer();
            builder.Services.AddSingleton<IInvoiceIssuer>(invoices);
            builder.Services.AddSingleton<ICarrierGateway>(new FakeCarrierGateway(new CarrierId("sf")));
            builder.Services.AddSingleton<INotifier>(new FakeNotifier());
            using var host = builder.Build();
            await host.StartAsync();

            var engine = host.Services.GetRequiredService<EcomEngine>();
            var s = new OrderScenario(engine.Policy);
            foreach (var command in new EcomCommand[]
            {
                new PlaceOrder(s.NextId(), OrderScenario.Customer, OrderScenario.At(2026, 3, 4, 9, 0), new OrderId("H1"), OrderScenario.PrivateBuyer(), OrderScenario.Lines(("SKU-1", 1, 88m))),
            })
            {
                Assert.True((await engine.ExecuteAsync(command)).IsAccepted);
            }

            var total = ((Order)(await host.Services.GetRequiredService<IEcomStore>().LoadAsync(new OrderId("H1").Key))!.State).Total;
            Assert.True((await engine.ExecuteAsync(new PayOrder(s.NextId(), OrderScenario.System, OrderScenario.At(2026, 3, 4, 9, 5), new OrderId("H1"), total))).IsAccepted);
            Assert.True((await engine.ExecuteAsync(new ConfirmOrder(s.NextId(), OrderScenario.Sales, OrderScenario.At(2026, 3, 4, 9, 10), new OrderId("H1")))).IsAccepted);
            Assert.True((await engine.ExecuteAsync(new AllocateStock(s.NextId(), OrderScenario.Warehouse, OrderScenario.At(2026, 3, 4, 9, 30), new OrderId("H1"), "DN-1"))).IsAccepted);

            // The background dispatcher asks the invoice issuer and the carrier; the order ships without another call.
            var store = host.Services.GetRequiredService<IEcomStore>();
            var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
            Order order;
            do
            {
                await Task.Delay(50);
                order = (Order)(await store.LoadAsync(new OrderId("H1").Key))!.State;
            }
            while (order.State != OrderState.Shipped && DateTimeOffset.UtcNow < deadline);

            Assert.Equal(OrderState.Shipped, order.State);
            Assert.Single(invoices.Issued);
            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, health.Status);

            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stopping.Token);
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public async Task DisabledLoops_NeedNoPorts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEcomRules(o =>
        {
            o.Outbox.Enabled = false;
            o.Timers.Enabled = false;
        }).UseStore(new InMemoryEcomStore());
        using var host = builder.Build();
        await host.StartAsync();
        Assert.NotNull(host.Services.GetRequiredService<EcomEngine>());
        await host.StopAsync();
    }

    [Fact]
    public async Task EnabledOutbox_WithoutPorts_FailsTheHostClearly()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEcomRules(_ => { }).UseStore(new InMemoryEcomStore());
        using var host = builder.Build();
        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource();
        lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task OutboxGauges_WhileABacklogDrains_AreRefreshedOncePerPollInterval_AndWhenItIsDone()
    {
        // Counting the backlog reads every pending message: the batches of a draining backlog, which follow each other
        // at once, share one refresh per poll interval of the clock (here it stands still: the first poll's), and the
        // first poll that finds no work refreshes again, so the gauges show the drained outbox.
        var clock = new FakeClock(OrderScenario.At(2026, 3, 4, 10, 0));
        var store = new InMemoryEcomStore();
        var source = new AggregateKey("contract", "a");
        await store.SaveAsync(new ChangeSet(
            new IdempotencyRecord(new CommandId("seed"), "fp", source, DecisionStatus.Accepted, RefusalCode.None, default, "seed", 0), [], [],
            [.. Enumerable.Range(0, 40).Select(i => new OutboxMessage("m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), new ContractEvent(source, clock.GetCurrentInstant(), "n"), clock.GetCurrentInstant()))],
            []));
        var outbox = new CountingOutbox(store);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IClock>(clock);
        builder.Services.AddEcomRules(o =>
        {
            o.Outbox.PollInterval = TimeSpan.FromMilliseconds(10);
            o.Outbox.BatchSize = 1;
            o.Timers.Enabled = false;
        }).UseStore(store);
        builder.Services.AddSingleton<IOutboxStore>(outbox);
        builder.Services.AddSingleton<IInvoiceIssuer>(new FakeInvoiceIssuer());
        builder.Services.AddSingleton<ICarrierGateway>(new FakeCarrierGateway(new CarrierId("sf")));
        builder.Services.AddSingleton<INotifier>(new FakeNotifier());
        using var host = builder.Build();
        await host.StartAsync();
        await WaitForAsync(() => outbox.Calls.Count(static c => c == 'E') >= 3);
        await host.StopAsync();

        // C: a claim that took a message, E: one that found none, S: a statistics read.
        var calls = new string([.. outbox.Calls]);
        var draining = calls[..calls.IndexOf('E', StringComparison.Ordinal)];
        Assert.Equal(40, draining.Count(static c => c == 'C'));
        Assert.Equal(1, draining.Count(static c => c == 'S'));
        Assert.StartsWith("ES", calls[draining.Length..], StringComparison.Ordinal);
        Assert.Equal(0, (await store.GetOutboxStatisticsAsync()).Pending);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold within 30 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>An outbox that logs its claims (one per poll) and statistics reads, in order.</summary>
    private sealed class CountingOutbox(IOutboxStore inner) : IOutboxStore
    {
        public System.Collections.Concurrent.ConcurrentQueue<char> Calls { get; } = new();

        public async ValueTask<IReadOnlyList<OutboxEnvelope>> ClaimOutboxAsync(string owner, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
        {
            var claimed = await inner.ClaimOutboxAsync(owner, max, now, lease, cancellationToken);
            Calls.Enqueue(claimed.Count > 0 ? 'C' : 'E');
            return claimed;
        }

        public ValueTask<bool> CompleteOutboxAsync(long sequence, string owner, Instant now, CancellationToken cancellationToken = default) => inner.CompleteOutboxAsync(sequence, owner, now, cancellationToken);

        public ValueTask<bool> FailOutboxAsync(long sequence, string owner, string error, Instant retryAt, bool deadLetter, CancellationToken cancellationToken = default)
            => inner.FailOutboxAsync(sequence, owner, error, retryAt, deadLetter, cancellationToken);

        public ValueTask<IReadOnlyList<OutboxEnvelope>> ReadDeadLettersAsync(int max, CancellationToken cancellationToken = default) => inner.ReadDeadLettersAsync(max, cancellationToken);

        public ValueTask<bool> RetryDeadLetterAsync(long sequence, Instant now, CancellationToken cancellationToken = default) => inner.RetryDeadLetterAsync(sequence, now, cancellationToken);

        public ValueTask<OutboxStatistics> GetOutboxStatisticsAsync(CancellationToken cancellationToken = default)
        {
            Calls.Enqueue('S');
            return inner.GetOutboxStatisticsAsync(cancellationToken);
        }
    }
}

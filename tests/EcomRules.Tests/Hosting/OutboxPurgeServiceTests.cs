using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Hosting;
using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Testing;
using EcomRules.Tests.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcomRules.Tests.Hosting;

public sealed class OutboxPurgeServiceTests
{
    private static readonly Instant T0 = OrderScenario.At(2026, 3, 4, 9, 0);

    [Fact]
    [Trait("Rule", "ORD-6")]
    [Trait("Rule", "SEC-3")]
    public async Task ORD6_PurgeJob_DeletesDeliveredMessagesPastTheRetention_InBatches_AndKeepsAuditAndRecords()
    {
        var store = new InMemoryEcomStore();
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(o =>
        {
            o.DeliveredMessageRetentionDays = 30;
            o.Purge.BatchSize = 2;
        }).UseStore(store);
        await using var provider = services.BuildServiceProvider();
        Assert.Same(store, provider.GetRequiredService<IRetentionStore>());
        var engine = provider.GetRequiredService<EcomEngine>();
        var order = new OrderId("P1");
        var placed = await engine.ExecuteAsync(new PlaceOrder(new("p"), OrderScenario.Customer, T0, order, OrderScenario.PrivateBuyer(), OrderScenario.Lines(("SKU-1", 1, 10m))));
        await engine.ExecuteAsync(new PayOrder(new("pay"), Actor.System, T0, order, placed.StateAs<Order>().Total));
        var messages = await store.ClaimOutboxAsync("d", 100, T0, Duration.FromMinutes(1));
        foreach (var message in messages.Skip(1))
        {
            await store.CompleteOutboxAsync(message.Sequence, "d", T0 + Duration.FromMinutes(1));
        }

        var audit = (await store.ReadAuditAsync(order.Key)).Count;
        var purge = Purge(provider);

        Assert.Equal(0, await purge.PurgeOnceAsync(T0 + Duration.FromDays(29), CancellationToken.None)); // within the retention
        var purged = 0;
        int batch;
        while ((batch = await purge.PurgeOnceAsync(T0 + Duration.FromDays(31), CancellationToken.None)) > 0)
        {
            Assert.True(batch <= 2);
            purged += batch;
        }

        Assert.Equal(messages.Count - 1, purged);
        Assert.Equal([messages[0].Sequence], store.Outbox.Select(m => m.Sequence)); // the leased one stays
        Assert.Equal(audit, (await store.ReadAuditAsync(order.Key)).Count); // ORD-6: the audit trail is kept
        Assert.NotNull(await store.FindCommandAsync(new("p")));
    }

    [Fact]
    [Trait("Rule", "ORD-6")]
    public void ORD6_DeliveredMessageRetention_DefaultsTo30Days_AndMustBePositive()
    {
        Assert.Equal(Duration.FromDays(30), EcomRules.Policies.EcomPolicy.RetailPlatform.DeliveredMessageRetention);
        var builder = EcomRules.Policies.EcomPolicy.RetailPlatform.ToBuilder();
        builder.DeliveredMessageRetention = Duration.Zero;
        Assert.Throws<EcomRules.Policies.EcomPolicyException>(() => builder.Build());
        builder.DeliveredMessageRetention = Duration.FromDays(7);
        Assert.Equal(Duration.FromDays(7), builder.Build().ToBuilder().Build().DeliveredMessageRetention);
    }

    [Fact]
    public void PurgeJob_IsRegisteredAsAHostedService()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(_ => { }).UseStore(new InMemoryEcomStore());
        using var provider = services.BuildServiceProvider();
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is OutboxPurgeService);
    }

    private static OutboxPurgeService Purge(IServiceProvider provider)
        => new(provider, provider.GetRequiredService<IClock>(), provider.GetRequiredService<IOptions<EcomRulesOptions>>(),
            provider.GetRequiredService<EcomRulesTelemetry>(), NullLogger<OutboxPurgeService>.Instance);
}

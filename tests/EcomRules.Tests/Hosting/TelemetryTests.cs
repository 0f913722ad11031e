using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Diagnostics;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Hosting;
using EcomRules.Orders;
using EcomRules.Testing;
using EcomRules.Tests.Returns;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EcomRules.Tests.Hosting;

/// <summary>The spans and metrics a host sees with <c>AddSource("EcomRules")</c> and <c>AddMeter("EcomRules")</c>.</summary>
public sealed class TelemetryTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 4, 2, 0);

    [Fact]
    public async Task EveryCommand_HasAnExecuteSpan_WithItsOutcomeAndRule()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == EcomRulesTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var provider = Provider();
        var engine = provider.GetRequiredService<EcomEngine>();
        var id = new OrderId("T-" + Guid.NewGuid().ToString("N")); // other tests' spans pass the same listener

        var placed = await engine.ExecuteAsync(new PlaceOrder(new CommandId(id + "/place"), ReturnFixture.Service, At, id, ReturnFixture.BuyerDetails(), ReturnFixture.Lines()));
        await engine.ExecuteAsync(new PayOrder(new CommandId(id + "/pay"), ReturnFixture.Buyer, At, id, placed.StateAs<Order>().Total));
        await engine.ExecuteAsync(new PayOrder(new CommandId(id + "/pay-again"), ReturnFixture.Buyer, At, id, placed.StateAs<Order>().Total));
        await engine.ExecuteAsync(new PayOrder(new CommandId(id + "/pay"), ReturnFixture.Buyer, At, id, placed.StateAs<Order>().Total));

        var ours = spans.Where(s => ((string?)s.GetTagItem("ecomrules.command.id"))?.StartsWith(id.Value, StringComparison.Ordinal) == true)
            .OrderBy(s => s.StartTimeUtc).ToArray();
        Assert.Equal(["execute PlaceOrder", "execute PayOrder", "execute PayOrder", "execute PayOrder"], ours.Select(s => s.DisplayName));
        Assert.Equal(["accepted", "accepted", "refused", "replayed"], ours.Select(s => s.GetTagItem(EcomRulesTelemetry.OutcomeAttribute)));
        Assert.Equal("ORD-1", ours[2].GetTagItem(EcomRulesTelemetry.RuleAttribute));
        Assert.All(ours, s => Assert.Equal("order", s.GetTagItem(EcomRulesTelemetry.AggregateKindAttribute)));
    }

    [Fact]
    public async Task Commands_AreCountedAndTimed_ByOutcome()
    {
        await using var provider = Provider();
        var telemetry = provider.GetRequiredService<EcomRulesTelemetry>();
        var durations = new ConcurrentBag<(string Name, string? Outcome)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, telemetry.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
            durations.Add((instrument.Name, Tag(tags, EcomRulesTelemetry.OutcomeAttribute))));
        listener.Start();
        var engine = provider.GetRequiredService<EcomEngine>();
        var id = new OrderId("M-1");

        var placed = await engine.ExecuteAsync(new PlaceOrder(new CommandId("m/place"), ReturnFixture.Service, At, id, ReturnFixture.BuyerDetails(), ReturnFixture.Lines()));
        await engine.ExecuteAsync(new PayOrder(new CommandId("m/pay"), ReturnFixture.Buyer, At, id, placed.StateAs<Order>().Total));
        await engine.ExecuteAsync(new PayOrder(new CommandId("m/pay-again"), ReturnFixture.Buyer, At, id, placed.StateAs<Order>().Total));

        Assert.Equal([("ecomrules.command.duration", "accepted"), ("ecomrules.command.duration", "accepted"), ("ecomrules.command.duration", "refused")],
            durations.OrderBy(d => d.Outcome, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ATimerThatFailsToFire_IsCountedByItsKinds()
    {
        await using var provider = Provider();
        var telemetry = provider.GetRequiredService<EcomRulesTelemetry>();
        var failed = new ConcurrentBag<(string? AggregateKind, string? TimerKind, long Count)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, telemetry.Meter) && instrument.Name == "ecomrules.timers.failed")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            failed.Add((Tag(tags, "ecomrules.aggregate.kind"), Tag(tags, "ecomrules.timer.kind"), value)));
        listener.Start();
        var engine = provider.GetRequiredService<EcomEngine>();

        engine.Diagnostics.TimerFailed(new EcomRules.Ports.DueTimer("order/O-1/sla-breach/SLA-1", new AggregateKey("order", "O-1"), "sla-breach", At), new FormatException("cannot build"));

        Assert.Equal([("order", "sla-breach", 1L)], failed);
    }

    [Fact]
    public async Task Readme_ListsEveryInstrumentAndSpan()
    {
        await using var provider = Provider();
        var telemetry = provider.GetRequiredService<EcomRulesTelemetry>();
        var names = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, telemetry.Meter))
                {
                    names.Add(instrument.Name);
                }
            },
        };
        listener.Start();
        var readme = await File.ReadAllTextAsync(Path.Combine(Packaging.PackedPackages.RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("## Telemetry", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];

        Assert.True(names.Count >= 12, string.Join(", ", names));
        Assert.All(names, n => Assert.Contains($"`{n}`", section, StringComparison.Ordinal));
        Assert.All(["`execute {command}`", "`dispatch ecomrules.outbox`", "`fire ecomrules.timers`", ".AddSource(\"EcomRules\")", ".AddMeter(\"EcomRules\")"],
            s => Assert.Contains(s, section, StringComparison.Ordinal));
    }

    private static ServiceProvider Provider()
    {
        var services = new ServiceCollection();
        services.AddEcomRules(o => { o.Outbox.Enabled = false; o.Timers.Enabled = false; }).UseStore(new InMemoryEcomStore());
        return services.BuildServiceProvider();
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (string.Equals(tag.Key, name, StringComparison.Ordinal))
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}

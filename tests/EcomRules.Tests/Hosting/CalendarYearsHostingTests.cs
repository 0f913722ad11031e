using EcomRules.Calendars;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Hosting;
using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Testing;
using EcomRules.Tests.Calendars;
using EcomRules.Tests.Orders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using FakeClock = NodaTime.Testing.FakeClock;

namespace EcomRules.Tests.Hosting;

/// <summary>DSP-1 / SLA-8 in a host: next year's holidays as configuration, validated at start-up, added at run time.</summary>
public sealed class CalendarYearsHostingTests
{
    private static Dictionary<string, string?> Year2027Settings(string prefix = "EcomRules:Calendar:Years:0") => new()
    {
        [$"{prefix}:Year"] = "2027",
        [$"{prefix}:Notice"] = UncoveredYearTests.Year2027.Notice,
        [$"{prefix}:NoticeNumber"] = UncoveredYearTests.Year2027.NoticeNumber,
        [$"{prefix}:DaysOff:0"] = "2027-01-01",
        [$"{prefix}:MakeUpWorkdays:0"] = "2027-01-09",
    };

    [Fact]
    public void DSP1_ConfiguredYear_IsInThePolicy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(Year2027Settings()) { ["EcomRules:Profile"] = "parts-distributor" }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(configuration.GetSection(EcomRulesOptions.SectionName)).UseStore(new InMemoryEcomStore());
        using var provider = services.BuildServiceProvider();

        var policy = provider.GetRequiredService<EcomEngine>().Policy;

        Assert.Equal(2027, policy.Calendar.Holidays.LastYear);
        Assert.Equal(UncoveredYearTests.Year2027.Citation, policy.Calendar.Holidays.GetYear(2027).Citation);
        Assert.False(policy.Calendar.IsWorkingDay(new LocalDate(2027, 1, 1)));
        Assert.Equal(UncoveredYears.Provisional, policy.UncoveredYears);
    }

    [Fact]
    public async Task DSP1_BadYearFile_FailsStartup_WithEveryProblemListed_AndWritesNothing()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EcomRules:Calendar:Years:0:Year"] = "2027",
            ["EcomRules:Calendar:Years:0:Notice"] = "",
            ["EcomRules:Calendar:Years:0:DaysOff:0"] = "1 Jan 2027",
            ["EcomRules:Calendar:Years:0:MakeUpWorkdays:0"] = "2027-01-04",
            ["EcomRules:Calendar:Years:1:Year"] = "2029",
            ["EcomRules:Calendar:Years:1:Notice"] = "2029 notice",
            ["EcomRules:Calendar:Years:2:Year"] = "2026",
            ["EcomRules:Calendar:Years:2:Notice"] = "a year in the past that contradicts the built-in one",
            ["EcomRules:Calendar:Years:2:DaysOff:0"] = "2026-03-02",
        });
        var store = new InMemoryEcomStore();
        builder.Services.AddEcomRules(builder.Configuration.GetSection(EcomRulesOptions.SectionName)).UseStore(store);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var all = string.Join("\n", ex.Failures);
        Assert.Contains("'1 Jan 2027' is not a date", all, StringComparison.Ordinal);
        Assert.Contains("names no notice", all, StringComparison.Ordinal);
        Assert.Contains("2027-01-04 is a Monday", all, StringComparison.Ordinal);
        Assert.Contains("2028 is missing", all, StringComparison.Ordinal);
        Assert.Contains("2026 is built in", all, StringComparison.Ordinal);
        Assert.Equal(0, store.AggregateCount);
    }

    [Fact]
    public async Task SLA8_AYearAddedAtRunTime_ChangesThePolicyAtomically_AndRecomputesProvisionalDeadlines()
    {
        var clock = new FakeClock(OrderScenario.At(2026, 12, 31, 17, 50));
        var settings = new Dictionary<string, string?> { ["EcomRules:Profile"] = "parts-distributor" };
        var builder = Host.CreateApplicationBuilder();
        var source = new ReloadableSource(settings);
        ((IConfigurationBuilder)builder.Configuration).Add(source);
        builder.Services.AddSingleton<IClock>(clock);
        var store = new InMemoryEcomStore();
        builder.Services.AddEcomRules(builder.Configuration.GetSection(EcomRulesOptions.SectionName)).UseStore(store);
        builder.Services.Configure<EcomRulesOptions>(o => { o.Outbox.Enabled = false; o.Timers.Enabled = false; });
        using var host = builder.Build();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<EcomEngine>();
        var monitor = host.Services.GetRequiredService<EcomCalendarMonitor>();
        await monitor.Current;
        var scenario = new OrderScenario(engine.Policy);
        Assert.True((await engine.ExecuteAsync(new PlaceOrder(scenario.NextId(), OrderScenario.Customer, clock.GetCurrentInstant(), new OrderId("R-1"), OrderScenario.PrivateBuyer(), OrderScenario.Lines(("SKU-1", 1, 88m))))).IsAccepted);
        var total = ((Order)(await store.LoadAsync(new OrderId("R-1").Key))!.State).Total;
        var paid = await engine.ExecuteAsync(new PayOrder(scenario.NextId(), OrderScenario.System, OrderScenario.At(2026, 12, 31, 17, 55), new OrderId("R-1"), total));
        Assert.True(paid.IsAccepted, paid.ToString());
        Assert.NotEmpty(((Order)(await store.LoadAsync(new OrderId("R-1").Key))!.State).ProvisionalDeadlines);
        var before = engine.Policy;

        clock.Reset(OrderScenario.At(2026, 12, 31, 18, 30)); // the notice is added a little later that evening
        source.Provider.Replace(new Dictionary<string, string?>(settings.Concat(Year2027Settings())));
        await monitor.Current;

        Assert.NotSame(before, engine.Policy);
        Assert.Equal(2027, engine.Policy.Calendar.Holidays.LastYear);
        var order = (Order)(await store.LoadAsync(new OrderId("R-1").Key))!.State;
        Assert.Equal(new LocalDate(2027, 1, 2), order.DispatchDate);
        Assert.Empty(order.ProvisionalDeadlines);
        Assert.Equal(OrderScenario.At(2027, 1, 2, 18, 0), store.Timers.Single(t => t.TimerId == "order/R-1/dispatch").DueAt);
        await host.StopAsync();
    }

    [Fact]
    public async Task DSP1_AnInvalidYearAddedAtRunTime_IsNotApplied_AndTheCalendarInUseStays()
    {
        var builder = Host.CreateApplicationBuilder();
        var settings = new Dictionary<string, string?> { ["EcomRules:Outbox:Enabled"] = "false", ["EcomRules:Timers:Enabled"] = "false" };
        var source = new ReloadableSource(settings);
        ((IConfigurationBuilder)builder.Configuration).Add(source);
        builder.Services.AddSingleton<IClock>(new FakeClock(OrderScenario.At(2026, 12, 1, 9, 0)));
        builder.Services.AddEcomRules(builder.Configuration.GetSection(EcomRulesOptions.SectionName)).UseStore(new InMemoryEcomStore());
        using var host = builder.Build();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<EcomEngine>();
        var monitor = host.Services.GetRequiredService<EcomCalendarMonitor>();
        await monitor.Current;
        var before = engine.Policy;

        var invalid = new Dictionary<string, string?>(settings.Concat(Year2027Settings())) { ["EcomRules:Calendar:Years:0:MakeUpWorkdays:0"] = "2027-01-04" };
        try
        {
            source.Provider.Replace(invalid);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(i => i is OptionsValidationException))
        {
            // IOptionsMonitor revalidates on reload and throws to whoever raised it (dotnet/runtime#44381), naming the problem;
            // the calendar follows the section itself and does not depend on it.
            Assert.Contains("2027-01-04 is a Monday", e.Flatten().InnerExceptions[0].Message, StringComparison.Ordinal);
        }

        await monitor.Current;
        Assert.Same(before, engine.Policy);
        Assert.Equal(2026, engine.Policy.Calendar.Holidays.LastYear);
        await host.StopAsync();
    }

    [Fact]
    public async Task DSP1_HealthCheck_HealthyThenDegradedBeforeCoverageEnds_ThenUnhealthyPastItWhenRefusing()
    {
        var clock = new FakeClock(OrderScenario.At(2026, 6, 1, 9, 0));
        var store = new InMemoryEcomStore();
        var refusing = EcomRules.Policies.EcomPolicy.RetailPlatform.ToBuilder();
        refusing.UncoveredYears = UncoveredYears.Refuse;
        var engine = new EcomEngine(store, refusing.Build());
        var check = new EcomRulesHealthCheck(store, clock, store, engine) { CoverageWarningDays = 60 };
        var context = new HealthCheckContext();

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(context)).Status);

        clock.Reset(OrderScenario.At(2026, 11, 15, 9, 0)); // 46 days before 31 December
        var warned = await check.CheckHealthAsync(context);
        Assert.Equal(HealthStatus.Degraded, warned.Status);
        Assert.Contains("add 2027", warned.Description, StringComparison.Ordinal);
        Assert.Equal(2027, warned.Data["calendar.yearToAdd"]);

        clock.Reset(OrderScenario.At(2027, 1, 1, 0, 0));
        var past = await check.CheckHealthAsync(context);
        Assert.Equal(HealthStatus.Unhealthy, past.Status);
        Assert.Contains("DSP-1", past.Description, StringComparison.Ordinal);

        engine.ChangePolicy(engine.Policy.WithHolidayYear(UncoveredYearTests.Year2027));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(context)).Status);
    }

    /// <summary>A configuration source whose data a test replaces, raising the reload token as a file change would.</summary>
    private sealed class ReloadableSource(Dictionary<string, string?> initial) : IConfigurationSource
    {
        public ReloadableProvider Provider { get; } = new(initial);

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
    }

    private sealed class ReloadableProvider(Dictionary<string, string?> initial) : ConfigurationProvider
    {
        public override void Load() => Data = new Dictionary<string, string?>(initial, StringComparer.OrdinalIgnoreCase);

        public void Replace(Dictionary<string, string?> data)
        {
            Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);
            OnReload();
        }
    }
}

using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Hosting;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcomRules.Tests.Hosting;

public sealed class AddEcomRulesTests
{
    [Fact]
    public void AddEcomRules_ResolvesEngineWithProfilePolicyAndSystemClock()
    {
        using var provider = Services(o => o.Profile = "parts-distributor").BuildServiceProvider(validateScopes: true);
        var engine = provider.GetRequiredService<EcomEngine>();
        Assert.Equal("parts-distributor", engine.Policy.Name);
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        Assert.IsType<InMemoryEcomStore>(provider.GetRequiredService<IEcomStore>());
        Assert.Same(provider.GetRequiredService<IEcomStore>(), provider.GetRequiredService<IOutboxStore>());
    }

    [Fact]
    public void AddEcomRules_CalledTwice_IsHarmless()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(o => o.Profile = "retail-platform").UseStore(new InMemoryEcomStore());
        services.AddEcomRules(o => o.RecordRetentionYears = 7).UseStore(new InMemoryEcomStore());
        Assert.Single(services, d => d.ServiceType == typeof(EcomEngine));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(7, provider.GetRequiredService<EcomPolicy>().RecordRetentionYears);
        var checks = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Single(checks, r => r.Name == "ecomrules");
    }

    [Fact]
    public void Options_BindFromConfigurationSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EcomRules:Profile"] = "parts-distributor",
            ["EcomRules:DispatchCutoff"] = "16:00",
            ["EcomRules:RefundHeadquartersThreshold"] = "8000",
            ["EcomRules:Outbox:BatchSize"] = "25",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(configuration.GetSection(EcomRulesOptions.SectionName)).UseStore(new InMemoryEcomStore());
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<EcomRulesOptions>>().Value;
        Assert.Equal(25, options.Outbox.BatchSize);
        var policy = provider.GetRequiredService<EcomPolicy>();
        Assert.Equal(new Money(8000m), policy.Refunds.HeadquartersThreshold);
        Assert.Equal(new LocalTime(16, 0), policy.Cutoffs.CutoffOn(global::EcomRules.Inventory.WarehouseId.Main, new LocalDate(2026, 3, 4)));
    }

    [Fact]
    [Trait("Rule", "FIN-1")]
    [Trait("Rule", "FIN-2")]
    public void LedgerOptions_BindFromConfigurationSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EcomRules:DailyLedgerTime"] = "10:30",
            ["EcomRules:SettlementShift"] = "NextWorkingDay",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(configuration.GetSection(EcomRulesOptions.SectionName)).UseStore(new InMemoryEcomStore());
        using var provider = services.BuildServiceProvider();
        var ledgers = provider.GetRequiredService<EcomPolicy>().Ledgers;
        Assert.Equal((new LocalTime(10, 30), 25, SettlementShift.NextWorkingDay), (ledgers.DailyLedgerTime, ledgers.SettlementDay, ledgers.Shift));
    }

    [Fact]
    [Trait("Rule", "ORD-6")]
    public async Task InvalidOptions_FailAtStartup_WithEveryProblemListed()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEcomRules(o =>
        {
            o.Profile = "wholesale";
            o.TimeZone = "Mars/Olympus";
            o.RecordRetentionYears = 2;
            o.Outbox.BatchSize = 0;
            o.Timers.Lease = TimeSpan.Zero;
        }).UseStore(new InMemoryEcomStore());
        using var host = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        var all = string.Join("\n", ex.Failures);
        Assert.Contains("wholesale", all, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", all, StringComparison.Ordinal);
        Assert.Contains("RecordRetentionYears", all, StringComparison.Ordinal);
        Assert.Contains("BatchSize", all, StringComparison.Ordinal);
        Assert.Contains("Timers:Lease", all, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingStore_IsReportedClearly()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(_ => { });
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<EcomEngine>());
        Assert.Contains("UseSqlite()", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_ReportsHealthyStoreAndBacklog()
    {
        // Mid-2026: far from the end of the built-in holiday data (the calendar part is tested in CalendarYearsHostingTests).
        var services = Services(_ => { });
        services.AddSingleton<IClock>(new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 6, 1, 0, 0)));
        using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(0L, report.Entries["ecomrules"].Data["outbox.pending"]);
    }

    private static ServiceCollection Services(Action<EcomRulesOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEcomRules(configure).UseStore(new InMemoryEcomStore());
        return services;
    }
}

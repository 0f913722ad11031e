using EcomRules.Hosting;
using EcomRules.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EcomRules.Tests.Hosting;

/// <summary>Issue 15: start-up validation lists every configuration problem, once each, even values that cannot be read.</summary>
public sealed class OptionsProblemsTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(configuration.GetSection(EcomRulesOptions.SectionName)).UseStore(new InMemoryEcomStore());
        return services.BuildServiceProvider();
    }

    private static OptionsValidationException Fail(Dictionary<string, string?> settings)
    {
        using var provider = Provider(settings);
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EcomRulesOptions>>().Value);
    }

    [Fact]
    [Trait("Rule", "ORD-6")]
    [Trait("Rule", "DSP-3")]
    public void UnreadableValues_AreListedByKey_WithEveryOtherProblem()
    {
        var ex = Fail(new()
        {
            ["EcomRules:DispatchCutoff"] = "25:00",
            ["EcomRules:RecordRetentionYears"] = "abc",
            ["EcomRules:Profile"] = "wholesale",
            ["EcomRules:Outbox:BatchSize"] = "0",
        });

        var failures = ex.Failures.ToArray();
        Assert.Contains(failures, f => f.StartsWith("EcomRules:DispatchCutoff '25:00' cannot be read", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("EcomRules:RecordRetentionYears 'abc' cannot be read", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("wholesale", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("BatchSize", StringComparison.Ordinal));
        Assert.Equal(failures.Length, failures.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    [Trait("Rule", "REF-2")]
    public void AThresholdWithAFractionOfAFen_IsRefusedForThat_NotAsZero()
    {
        var ex = Fail(new() { ["EcomRules:RefundHeadquartersThreshold"] = "0.001" });
        var failure = Assert.Single(ex.Failures);
        Assert.Contains("fraction of a fen", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("above zero", failure, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "ORD-6")]
    public void AValueOutOfRange_IsListedOnce()
    {
        var ex = Fail(new() { ["EcomRules:RecordRetentionYears"] = "2", ["EcomRules:DispatchDeadlineDays"] = "0" });
        var failures = ex.Failures.ToArray();
        Assert.Single(failures, f => f.Contains("RecordRetentionYears", StringComparison.Ordinal) || f.Contains("at least 5 years", StringComparison.Ordinal));
        Assert.Single(failures, f => f.Contains("DispatchDeadlineDays", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadableValues_StillBind_WhenAnotherCannotBeRead()
    {
        using var provider = Provider(new()
        {
            ["EcomRules:DispatchCutoff"] = "25:00",
            ["EcomRules:Profile"] = "parts-distributor",
            ["EcomRules:Outbox:BatchSize"] = "25",
        });
        var options = provider.GetRequiredService<IOptionsFactory<EcomRulesOptions>>();
        var ex = Assert.Throws<OptionsValidationException>(() => options.Create(Options.DefaultName));
        Assert.Single(ex.Failures);
        var monitor = provider.GetRequiredService<IConfigureOptions<EcomRulesOptions>>();
        var bound = new EcomRulesOptions();
        monitor.Configure(bound);
        Assert.Equal(("parts-distributor", 25, null), (bound.Profile, bound.Outbox.BatchSize, bound.DispatchCutoff));
    }
}

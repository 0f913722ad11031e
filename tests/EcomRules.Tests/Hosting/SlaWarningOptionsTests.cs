using EcomRules.Hosting;
using EcomRules.Policies;
using EcomRules.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EcomRules.Tests.Hosting;

public sealed class SlaWarningOptionsTests
{
    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_WarningThresholds_BindFromConfiguration_ForEverySla()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EcomRules:SlaWarningThresholds:0"] = "0.6",
            ["EcomRules:SlaWarningThresholds:1"] = "0.9",
            ["EcomRules:DeliveredMessageRetentionDays"] = "45",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(configuration.GetSection(EcomRulesOptions.SectionName)).UseStore(new InMemoryEcomStore());
        using var provider = services.BuildServiceProvider();

        var policy = provider.GetRequiredService<EcomPolicy>();
        Assert.All(policy.Slas.Values, sla => Assert.Equal([0.6m, 0.9m], sla.WarningThresholds.ToArray()));
        Assert.Equal(NodaTime.Duration.FromDays(45), policy.DeliveredMessageRetention);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public void SLA8_InvalidWarningThresholds_FailValidation()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(o => o.SlaWarningThresholds = [0.75m, 0.5m]).UseStore(new InMemoryEcomStore());
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EcomRulesOptions>>().Value);
        Assert.Contains(e.Failures, f => f.Contains("ascending", StringComparison.Ordinal));
    }
}

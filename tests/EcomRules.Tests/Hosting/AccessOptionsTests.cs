using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Hosting;
using EcomRules.Orders;
using EcomRules.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcomRules.Tests.Hosting;

/// <summary>Issue 18: the access settings bound from <c>EcomRules:Permissions</c>, <c>MaxAdministrators</c> and <c>CredentialRotationHours</c>.</summary>
public sealed class AccessOptionsTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(configuration.GetSection(EcomRulesOptions.SectionName)).UseStore(new InMemoryEcomStore());
        return services.BuildServiceProvider();
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    [Trait("Rule", "SEC-4")]
    public void SEC2_configured_grants_extend_the_engines_table_and_SEC4_settings_reach_the_policy()
    {
        using var provider = Provider(new()
        {
            ["EcomRules:Permissions:PlaceOrder:0"] = "warehouse",
            ["EcomRules:Permissions:CancelOrder:0"] = "sales",
            ["EcomRules:Permissions:CancelOrder:1"] = "intern",
            ["EcomRules:MaxAdministrators"] = "3",
            ["EcomRules:CredentialRotationHours"] = "8",
        });
        var engine = provider.GetRequiredService<EcomEngine>();
        Assert.True(engine.Permissions.Allows(nameof(PlaceOrder), ActorRole.Warehouse));
        Assert.True(engine.Permissions.Allows(nameof(CancelOrder), new ActorRole("intern")));
        Assert.True(engine.Permissions.Allows(nameof(PlaceOrder), ActorRole.Customer)); // the default stays
        Assert.Equal((3, Duration.FromHours(8)), (engine.Policy.Access.MaxAdministrators, engine.Policy.Access.CredentialRotation));
    }

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_an_unknown_command_or_a_blank_role_fails_start_up_with_every_problem()
    {
        using var provider = Provider(new()
        {
            ["EcomRules:Permissions:PlaceOrdr:0"] = "warehouse",
            ["EcomRules:Permissions:PayOrder:0"] = " ",
            ["EcomRules:MaxAdministrators"] = "0",
        });
        var failures = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EcomRulesOptions>>().Value).Failures.ToArray();
        Assert.Contains(failures, f => f.StartsWith("EcomRules:Permissions:PlaceOrdr is not a command", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("EcomRules:Permissions:PayOrder needs one or more role names", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("MaxAdministrators", StringComparison.Ordinal));
    }
}

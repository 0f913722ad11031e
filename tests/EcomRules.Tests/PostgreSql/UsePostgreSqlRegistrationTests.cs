using EcomRules.Hosting;
using EcomRules.PostgreSql;
using EcomRules.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace EcomRules.Tests.PostgreSql;

public sealed class UsePostgreSqlRegistrationTests
{
    [Fact]
    public async Task UsePostgreSql_RegistersOneStoreForEveryPort_WithoutResolvingItself()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddEcomRules(_ => { }).UsePostgreSql("Host=127.0.0.1;Port=1;Database=none;Username=none");
        await using var provider = services.BuildServiceProvider();

        // Creating the store opens no connection: nothing listens on port 1, and the registrations must still resolve.
        var store = provider.GetRequiredService<PostgreSqlEcomStore>();
        Assert.Same(store, provider.GetRequiredService<IEcomStore>());
        Assert.Same(store, provider.GetRequiredService<ITimerStore>());
        Assert.Same(store, provider.GetRequiredService<IOutboxStore>());
        Assert.Single(provider.GetServices<IEcomStoreInitializer>());
    }
}

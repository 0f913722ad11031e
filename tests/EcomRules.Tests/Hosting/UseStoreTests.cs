using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Hosting;
using EcomRules.Ports;
using EcomRules.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomRules.Tests.Hosting;

/// <summary><c>UseStore(instance)</c>: the in-memory registration now that EcomRules.Testing has no DI of its own.</summary>
public sealed class UseStoreTests
{
    [Fact]
    public void UseStore_Instance_IsTheStoreOutboxAndTimerStore()
    {
        var store = new InMemoryEcomStore();
        var services = new ServiceCollection();
        services.AddEcomRules(_ => { }).UseStore(store);
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<IEcomStore>());
        Assert.Same(store, provider.GetRequiredService<IOutboxStore>());
        Assert.Same(store, provider.GetRequiredService<ITimerStore>());
        Assert.NotNull(provider.GetRequiredService<EcomEngine>());
    }

    [Fact]
    public void UseStore_Instance_ReplacesAStoreChosenBefore()
    {
        var second = new InMemoryEcomStore();
        var services = new ServiceCollection();
        services.AddEcomRules(_ => { }).UseSqlite("never-opened.db").UseStore(second);
        using var provider = services.BuildServiceProvider();

        Assert.Same(second, provider.GetRequiredService<IEcomStore>());
    }

    [Fact]
    public void UseStore_NullInstance_Throws()
        => Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddEcomRules(_ => { }).UseStore((InMemoryEcomStore)null!));
}

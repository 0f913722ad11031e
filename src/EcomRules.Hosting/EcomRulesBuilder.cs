using EcomRules.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomRules.Hosting;

/// <summary>
/// Configures EcomRules after <see cref="EcomRulesServiceCollectionExtensions.AddEcomRules(IServiceCollection, Action{EcomRulesOptions})"/>:
/// choose a store (<c>UseSqlite</c>, the embedded default; <c>UsePostgreSql</c> from <c>EcomRules.PostgreSql</c>; or any
/// store with <see cref="UseStore{TStore}(Func{IServiceProvider, TStore})"/>, such as
/// <c>UseStore(new InMemoryEcomStore())</c> with the in-memory store of <c>EcomRules.Testing</c>) and, optionally, a
/// policy built in code.
/// </summary>
public sealed class EcomRulesBuilder
{
    internal EcomRulesBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection, for extension methods of store and port packages.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Uses a store: registers it as <see cref="IEcomStore"/> and, when it implements them, as
    /// <see cref="IOutboxStore"/>, <see cref="ITimerStore"/>, <see cref="IRetentionStore"/> and <see cref="IWorkQueueStore"/>. Replaces a store chosen before.
    /// </summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="factory">Creates the store (once; it is a singleton).</param>
    /// <returns>This builder.</returns>
    public EcomRulesBuilder UseStore<TStore>(Func<IServiceProvider, TStore> factory)
        where TStore : class, IEcomStore
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAll<IEcomStore>();
        Services.RemoveAll<IOutboxStore>();
        Services.RemoveAll<ITimerStore>();
        Services.RemoveAll<IRetentionStore>();
        Services.RemoveAll<IWorkQueueStore>();
        Services.RemoveAll<TStore>();
        Services.AddSingleton(factory);
        Services.AddSingleton<IEcomStore>(sp => sp.GetRequiredService<TStore>());
        if (typeof(IOutboxStore).IsAssignableFrom(typeof(TStore)))
        {
            Services.AddSingleton(sp => (IOutboxStore)sp.GetRequiredService<TStore>());
        }

        if (typeof(ITimerStore).IsAssignableFrom(typeof(TStore)))
        {
            Services.AddSingleton(sp => (ITimerStore)sp.GetRequiredService<TStore>());
        }

        if (typeof(IRetentionStore).IsAssignableFrom(typeof(TStore)))
        {
            Services.AddSingleton(sp => (IRetentionStore)sp.GetRequiredService<TStore>());
        }

        if (typeof(IWorkQueueStore).IsAssignableFrom(typeof(TStore)))
        {
            Services.AddSingleton(sp => (IWorkQueueStore)sp.GetRequiredService<TStore>());
        }

        return this;
    }

    /// <summary>
    /// Uses a store instance, for example <c>UseStore(new InMemoryEcomStore())</c> in tests and demos (nothing
    /// survives the process). Registered as <see cref="UseStore{TStore}(Func{IServiceProvider, TStore})"/> does;
    /// replaces a store chosen before.
    /// </summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="store">The store.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public EcomRulesBuilder UseStore<TStore>(TStore store)
        where TStore : class, IEcomStore
    {
        ArgumentNullException.ThrowIfNull(store);
        return UseStore(_ => store);
    }

    /// <summary>Uses a policy built in code instead of the one the options describe.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public EcomRulesBuilder UsePolicy(Policies.EcomPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Services.RemoveAll<Policies.EcomPolicy>();
        Services.AddSingleton(policy);
        return this;
    }
}

using EcomRules.Commands;
using EcomRules.Diagnostics;
using EcomRules.Engine;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcomRules.Hosting;

/// <summary>Registers EcomRules in a service collection.</summary>
public static class EcomRulesServiceCollectionExtensions
{
    /// <summary>
    /// Adds EcomRules with options set in code. Safe to call more than once: services are added with
    /// <c>TryAdd</c>, and each call's configuration is applied in order.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to choose the store and policy.</returns>
    public static EcomRulesBuilder AddEcomRules(this IServiceCollection services, Action<EcomRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddCore(services);
        services.Configure(configure);
        return builder;
    }

    /// <summary>Adds EcomRules with options bound from a configuration section (normally <c>"EcomRules"</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section.</param>
    /// <returns>A builder to choose the store and policy.</returns>
    public static EcomRulesBuilder AddEcomRules(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var builder = AddCore(services);

        // As Configure<EcomRulesOptions>(section), but a value that cannot be read is reported at start-up with every
        // other problem instead of throwing from the binder and hiding the rest.
        services.AddSingleton<IOptionsChangeTokenSource<EcomRulesOptions>>(new ConfigurationChangeTokenSource<EcomRulesOptions>(Options.DefaultName, section));
        services.AddSingleton<IConfigureOptions<EcomRulesOptions>>(sp =>
        {
            var problems = sp.GetRequiredService<ConfigurationBindingProblems>();
            return new ConfigureNamedOptions<EcomRulesOptions>(Options.DefaultName, options => problems.Set(options, EcomRulesOptionsBinder.Bind(section, options)));
        });
        services.AddSingleton(new EcomRulesConfigurationSection(section));
        return builder;
    }

    private static EcomRulesBuilder AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<EcomRulesOptions>().ValidateOnStart();
        services.TryAddSingleton<ConfigurationBindingProblems>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EcomRulesOptions>, EcomRulesOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EcomRulesOptions>, EcomPolicyOptionsValidator>());

        // The one place SystemClock.Instance is registered: everything else takes IClock.
#pragma warning disable RS0030 // Banned API: this is the composition root that supplies the real clock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030

        services.AddMetrics();
        services.TryAddSingleton<EcomRulesTelemetry>();
        services.TryAddSingleton<IEcomDiagnostics>(sp => new HostingDiagnostics(
            (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<EcomEngine>(), sp.GetRequiredService<EcomRulesTelemetry>()));
        services.TryAddSingleton(sp => EcomPolicyFactory.Create(sp.GetRequiredService<IOptions<EcomRulesOptions>>().Value));
        services.TryAddSingleton(sp => new EcomEngine(
            sp.GetService<IEcomStore>() ?? throw new InvalidOperationException(
                "No EcomRules store is configured: call UseSqlite(), UsePostgreSql() or UseStore(…) (e.g. UseStore(new InMemoryEcomStore()) from EcomRules.Testing) on the builder AddEcomRules returns."),
            sp.GetRequiredService<EcomPolicy>(),
            new EcomEngineOptions { MaxConcurrencyRetries = sp.GetRequiredService<IOptions<EcomRulesOptions>>().Value.MaxConcurrencyRetries },
            sp.GetRequiredService<IEcomDiagnostics>()));
        services.TryAddSingleton(sp => new CarrierRouter(sp.GetServices<ICarrierGateway>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EcomRulesOptions>>().Value.Outbox;
            return new OutboxDispatcher(
                sp.GetService<IOutboxStore>() ?? throw new InvalidOperationException("The configured store has no outbox (IOutboxStore); disable EcomRules:Outbox or use a store with one."),
                sp.GetRequiredService<EcomEngine>(),
                sp.GetService<IInvoiceIssuer>() ?? throw MissingPort(nameof(IInvoiceIssuer)),
                sp.GetRequiredService<CarrierRouter>(),
                sp.GetService<INotifier>() ?? throw MissingPort(nameof(INotifier)),
                new OutboxDispatcherOptions { BatchSize = options.BatchSize, Lease = Duration.FromTimeSpan(options.Lease), MaxAttempts = options.MaxAttempts });
        });
        services.TryAddSingleton(EcomModules.TimerHandlers);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EcomRulesOptions>>().Value.Timers;
            return new TimerScheduler(
                sp.GetService<ITimerStore>() ?? throw new InvalidOperationException("The configured store has no timers (ITimerStore); disable EcomRules:Timers or use a store with them."),
                sp.GetRequiredService<EcomEngine>(),
                sp.GetRequiredService<TimerHandlerRegistry>(),
                new TimerSchedulerOptions { BatchSize = options.BatchSize, Lease = Duration.FromTimeSpan(options.Lease) });
        });
        services.TryAddSingleton(sp => new EcomRulesHealthCheck(sp.GetRequiredService<IEcomStore>(), sp.GetRequiredService<IClock>(), sp.GetService<IOutboxStore>(), sp.GetRequiredService<EcomEngine>())
        {
            CoverageWarningDays = sp.GetRequiredService<IOptions<EcomRulesOptions>>().Value.Calendar?.CoverageWarningDays ?? 60,
        });
        services.TryAddSingleton(sp => new EcomCalendarMonitor(sp.GetRequiredService<EcomEngine>(), sp.GetRequiredService<IEcomStore>(), sp.GetRequiredService<IClock>(),
            sp.GetService<ILogger<EcomCalendarMonitor>>()));
        if (!services.Any(d => d.ServiceType == typeof(EcomRulesMarker)))
        {
            services.AddSingleton<EcomRulesMarker>();

            // Start-up order: the store is prepared first, then the loops run.
            services.AddHostedService<EcomRulesStartupService>();
            services.AddHostedService<OutboxDispatcherService>();
            services.AddHostedService<TimerSchedulerService>();
            services.AddHostedService<EcomCalendarService>();
            services.AddHostedService<OutboxPurgeService>();
            services.AddHealthChecks().AddCheck<EcomRulesHealthCheck>("ecomrules", HealthStatus.Unhealthy, ["ecomrules", "store", "outbox", "calendar"]);
        }

        return new EcomRulesBuilder(services);
    }

    private static InvalidOperationException MissingPort(string port)
        => new($"EcomRules' outbox dispatcher needs an {port}: register your adapter (services.AddSingleton<{port}, …>()) or disable EcomRules:Outbox.");

    /// <summary>Marks that the one-time registrations (health check) are done, so a second call adds nothing.</summary>
    private sealed class EcomRulesMarker;
}

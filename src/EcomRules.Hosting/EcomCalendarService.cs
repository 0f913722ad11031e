using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EcomRules.Hosting;

/// <summary>Runs the <see cref="EcomCalendarMonitor"/> for the host's lifetime, following the configuration section
/// <c>AddEcomRules</c> was given (if any).</summary>
internal sealed class EcomCalendarService : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly EcomRulesOptions _options;
    private readonly IConfiguration? _section;
    private EcomCalendarMonitor? _monitor;

    public EcomCalendarService(IServiceProvider services, IOptions<EcomRulesOptions> options, IEnumerable<EcomRulesConfigurationSection> sections)
    {
        _services = services;
        _options = options.Value;
        _section = sections.LastOrDefault()?.Section;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved when the host starts, after the store is prepared (EcomRulesStartupService runs first).
        _monitor = _services.GetRequiredService<EcomCalendarMonitor>();
        _monitor.Start(_options.Calendar ?? new EcomCalendarOptions(), _section);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _monitor?.StopAsync() ?? Task.CompletedTask;
}

/// <summary>The configuration section <c>AddEcomRules</c> was given, so reloads of its calendar can be followed.</summary>
internal sealed record EcomRulesConfigurationSection(IConfiguration Section);

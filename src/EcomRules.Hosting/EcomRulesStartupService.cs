using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcomRules.Hosting;

/// <summary>Runs every <see cref="IEcomStoreInitializer"/> when the host starts, before the background loops.</summary>
internal sealed class EcomRulesStartupService : IHostedService
{
    private readonly IEnumerable<IEcomStoreInitializer> _initializers;
    private readonly ILogger<EcomRulesStartupService> _logger;

    public EcomRulesStartupService(IEnumerable<IEcomStoreInitializer> initializers, ILogger<EcomRulesStartupService> logger)
    {
        _initializers = initializers;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var initializer in _initializers)
        {
            await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        Log.ServiceStarted(_logger, "EcomRules store", "-");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

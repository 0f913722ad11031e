namespace EcomRules.Hosting;

/// <summary>
/// Prepares a store when the host starts (opens it, creates or migrates its schema), before the background
/// services run. Store packages register one with their <c>Use…</c> method.
/// </summary>
public interface IEcomStoreInitializer
{
    /// <summary>Prepares the store.</summary>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);
}

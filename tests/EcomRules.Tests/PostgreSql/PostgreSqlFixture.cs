using EcomRules.PostgreSql.TestSupport;

namespace EcomRules.Tests.PostgreSql;

/// <summary>
/// One throwaway PostgreSQL cluster for every test in <see cref="PostgreSqlCollection"/>: started once (as the
/// <c>postgres</c> OS user when the tests run as root), a fresh database per test or test class, stopped and deleted
/// at the end, also when tests fail. Missing server binaries fail the tests with a clear message; they are never skipped.
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private PostgreSqlCluster? _cluster;

    public PostgreSqlCluster Cluster => _cluster ?? throw new InvalidOperationException("The PostgreSQL cluster is not started.");

    public async Task InitializeAsync() => _cluster = await PostgreSqlCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "test") => Cluster.CreateDatabaseAsync(prefix);
}

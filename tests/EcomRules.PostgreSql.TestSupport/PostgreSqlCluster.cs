using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EcomRules.PostgreSql.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a temporary directory, <c>pg_ctl start</c> on a free port of
/// 127.0.0.1 (sockets in the same directory, trust authentication, fsync off unless durable), databases created from template0, and
/// <c>pg_ctl stop -m immediate</c> plus deleting the directory on dispose, on a failed start and at process exit.
/// When the current user is root, the server runs as the <c>postgres</c> OS user (PostgreSQL refuses root).
/// Missing binaries fail with a message naming the package to install; nothing is skipped.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private int _stopped;

    private PostgreSqlCluster(string binDirectory, string directory, bool asPostgresUser, int port)
    {
        _binDirectory = binDirectory;
        Directory = directory;
        _asPostgresUser = asPostgresUser;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Gets the temporary directory holding the data directory, the log and the socket.</summary>
    public string Directory { get; }

    /// <summary>Gets the TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Gets the server log (for failure messages).</summary>
    public string LogPath => Path.Combine(Directory, "server.log");

    private string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>Creates and starts a cluster.</summary>
    /// <param name="maxConnections">The server's <c>max_connections</c>.</param>
    /// <param name="durable">Whether commits are flushed as in production (<c>fsync</c>, <c>synchronous_commit</c> and
    /// <c>full_page_writes</c> on, for benchmarks); false turns them off, for fast tests.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="settings">More server settings, each <c>name=value</c> (no spaces), e.g. <c>shared_preload_libraries=pg_stat_statements</c>.</param>
    /// <returns>The running cluster.</returns>
    /// <exception cref="InvalidOperationException">The PostgreSQL binaries are missing or the server did not start.</exception>
    public static async Task<PostgreSqlCluster> StartAsync(int maxConnections = 200, bool durable = false, CancellationToken cancellationToken = default, params string[] settings)
    {
        var bin = FindBinDirectory();
        var asPostgres = Environment.UserName == "root";
        var directory = Path.Combine(Path.GetTempPath(), "ecomrules-pg-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        PostgreSqlCluster? cluster = null;
        try
        {
            if (asPostgres)
            {
                await RunAsync("chown", [SuperUser, directory], cancellationToken).ConfigureAwait(false);
            }

            cluster = new PostgreSqlCluster(bin, directory, asPostgres, FreePort());
            await cluster.InitAsync(maxConnections, durable, settings, cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                TryDelete(directory);
            }

            throw;
        }
    }

    /// <summary>Gets a connection string to a database of the cluster.</summary>
    /// <param name="database">The database.</param>
    /// <returns>The connection string (loopback TCP, user <c>postgres</c>, trust authentication).</returns>
    public string ConnectionString(string database = "postgres")
        => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Database = database,
            Pooling = true,
            MaxPoolSize = 50,
        }.ConnectionString;

    /// <summary>Creates an empty database (from template0, which is fast) and returns its connection string.</summary>
    /// <param name="prefix">A prefix for the generated name.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The new database's connection string.</returns>
    public async Task<string> CreateDatabaseAsync(string prefix = "test", CancellationToken cancellationToken = default)
    {
        var name = (prefix + "_" + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString());
        await using var command = dataSource.CreateCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Stops the server immediately and deletes its directory. Safe to call more than once.</summary>
    /// <returns>A task that completes when the cluster is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPgAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w"], CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Not running (a failed start): deleting the directory is all that is left.
        }

        TryDelete(Directory);
    }

    private static string FindBinDirectory()
    {
        foreach (var path in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(path, "initdb")) && File.Exists(Path.Combine(path, "pg_ctl")))
            {
                return path;
            }
        }

        const string Root = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(Root))
        {
            var newest = System.IO.Directory.GetDirectories(Root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were found neither on PATH nor in /usr/lib/postgresql/*/bin. "
            + "Install them (Debian/Ubuntu: apt-get install postgresql-15; CI installs the packages in .ci/apt-packages).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task InitAsync(int maxConnections, bool durable, string[] settings, CancellationToken cancellationToken)
    {
        await RunPgAsync("initdb", ["-D", DataDirectory, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken).ConfigureAwait(false);
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={Directory} -c max_connections={maxConnections} {(durable ? string.Empty : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off ")}-c shared_buffers=128MB");
        foreach (var setting in settings)
        {
            options += " -c " + setting;
        }

        await RunPgAsync("pg_ctl", ["start", "-D", DataDirectory, "-l", LogPath, "-w", "-t", "60", "-o", options], cancellationToken).ConfigureAwait(false);
    }

    private Task RunPgAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(_binDirectory, tool);
        return _asPostgresUser
            ? RunAsync("runuser", ["-u", SuperUser, "--", executable, .. arguments], cancellationToken)
            : RunAsync(executable, arguments, cancellationToken);
    }

    private static async Task RunAsync(string fileName, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            var stderr = await error.ConfigureAwait(false);
            var stdout = await output.ConfigureAwait(false);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{stdout}\n{stderr}");
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

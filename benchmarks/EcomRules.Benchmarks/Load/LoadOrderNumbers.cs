using System.Globalization;

namespace EcomRules.Benchmarks.Load;

/// <summary>
/// The order numbers of a load cell. By default one counter issues them to every client, as a platform issues order
/// numbers (and as <c>--peak</c> and <c>--growth</c> do): consecutive orders have neighbouring keys. <c>--ids per-client</c>
/// gives each client a sequence of its own (<c>{run}-{client}-{n}</c>), so 64 clients write 64 interleaved key ranges
/// and every command's rows and index entries land on pages of their own; the README gives both.
/// </summary>
internal sealed class LoadOrderNumbers
{
    private readonly string _run;
    private readonly bool _perClient;
    private long _next;

    /// <summary>Initializes the numbers of a cell.</summary>
    /// <param name="run">A prefix unique to the cell (command and order IDs must not collide across cells).</param>
    /// <param name="perClient">Whether each client numbers its own orders.</param>
    public LoadOrderNumbers(string run, bool perClient)
    {
        _run = run;
        _perClient = perClient;
    }

    /// <summary>Reads <c>--ids shared|per-client</c> (shared by default).</summary>
    /// <param name="args">The command line.</param>
    /// <returns>Whether each client numbers its own orders.</returns>
    /// <exception cref="ArgumentException">Another value.</exception>
    public static bool PerClient(string[] args) => LoadArguments.Value(args, "--ids") switch
    {
        null or "shared" => false,
        "per-client" => true,
        var other => throw new ArgumentException($"Unknown --ids '{other}': use shared or per-client."),
    };

    /// <summary>Gets client <paramref name="client"/>'s source of new order IDs.</summary>
    /// <param name="client">The client's number.</param>
    /// <returns>A function that returns the client's next order ID.</returns>
    public Func<string> For(int client)
    {
        if (!_perClient)
        {
            return () => string.Create(CultureInfo.InvariantCulture, $"{_run}-{Interlocked.Increment(ref _next):D10}");
        }

        var own = 0L;
        return () => string.Create(CultureInfo.InvariantCulture, $"{_run}-{client}-{++own}");
    }
}

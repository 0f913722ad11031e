using System.Globalization;

namespace EcomRules.Benchmarks.Load;

/// <summary>
/// CPU time of this process and of a PostgreSQL cluster (its postmaster, the backends and helpers it started, and
/// those that exited), from <c>/proc</c> on Linux; zero elsewhere. Used to say whether a cell is bound by the client or
/// by the server when both share the machine's cores.
/// </summary>
internal static class ClusterCpu
{
    private const double TicksPerSecond = 100.0;

    /// <summary>This process's CPU time, seconds.</summary>
    public static double Client()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>The cluster's CPU time so far, seconds (exited backends included).</summary>
    /// <param name="clusterDirectory">The cluster's directory (its data directory is <c>data</c> under it).</param>
    public static double Server(string clusterDirectory)
    {
        var pidFile = Path.Combine(clusterDirectory, "data", "postmaster.pid");
        if (!OperatingSystem.IsLinux() || !File.Exists(pidFile))
        {
            return 0;
        }

        var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15) cutime(16) cstime(17).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += Sum(fields, 11, 4);
            }
            else if (parent == postmaster)
            {
                ticks += Sum(fields, 11, 2);
            }
        }

        return ticks / TicksPerSecond;
    }

    private static long Sum(string[] fields, int from, int count)
    {
        var sum = 0L;
        for (var i = from; i < from + count; i++)
        {
            sum += long.Parse(fields[i], CultureInfo.InvariantCulture);
        }

        return sum;
    }
}

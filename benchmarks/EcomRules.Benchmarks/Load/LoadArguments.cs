using System.Globalization;
using EcomRules.Sqlite;

namespace EcomRules.Benchmarks.Load;

/// <summary>The few command-line options of the load and growth modes (<c>--name value</c>).</summary>
internal static class LoadArguments
{
    public static double Number(string[] args, string name, double fallback)
        => Value(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static string[] List(string[] args, string name, string fallback)
        => (Value(args, name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>
    /// The SQLite store's group-commit and checkpoint settings from <c>--batch N</c>, <c>--wait-ms N</c> and
    /// <c>--checkpoint-pages N</c> (defaults otherwise).
    /// </summary>
    public static Action<SqliteStoreOptions> SqliteOptions(string[] args)
    {
        var batch = Value(args, "--batch");
        var wait = Value(args, "--wait-ms");
        var checkpoint = Value(args, "--checkpoint-pages");
        return options =>
        {
            if (checkpoint is not null)
            {
                options.CheckpointPages = int.Parse(checkpoint, CultureInfo.InvariantCulture);
            }

            if (batch is not null)
            {
                options.GroupCommitMaxBatch = int.Parse(batch, CultureInfo.InvariantCulture);
            }

            if (wait is not null)
            {
                options.GroupCommitMaxWait = TimeSpan.FromMilliseconds(double.Parse(wait, CultureInfo.InvariantCulture));
            }
        };
    }

    /// <summary>Lets blocking clients start at once: the thread pool would otherwise add threads one at a time.</summary>
    public static void EnoughThreads(int clients)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, clients + 16), io);
    }
}

using System.Diagnostics;

namespace EcomRules.Benchmarks.Load;

/// <summary>
/// Runs a closed loop of concurrent clients, each calling its step again as soon as the last call returned, and
/// measures completed steps per second and each step's latency. A warm-up phase runs first and is not counted.
/// </summary>
internal static class LoadRun
{
    /// <summary>Runs <paramref name="clients"/> clients for the warm-up, then measures for the duration.</summary>
    /// <param name="clients">How many concurrent clients.</param>
    /// <param name="stepFor">Makes the step of client i (one command or one transaction per call).</param>
    /// <param name="warmup">Untimed time before measuring.</param>
    /// <param name="duration">Measured time.</param>
    /// <param name="measuring">Called with true as measuring starts and false as it stops (to read counters over the measured time only).</param>
    /// <returns>The throughput and latencies.</returns>
    public static async Task<LoadResult> MeasureAsync(int clients, Func<int, Func<ValueTask>> stepFor, TimeSpan warmup, TimeSpan duration, Action<bool>? measuring = null)
    {
        var steps = new Func<ValueTask>[clients];
        for (var i = 0; i < clients; i++)
        {
            steps[i] = stepFor(i);
        }

        var samples = new List<long>[clients];
        var all = new long[clients];
        var phase = new Phase();
        var tasks = new Task[clients];
        for (var i = 0; i < clients; i++)
        {
            var client = i;
            samples[client] = new List<long>(4096);
            tasks[client] = Task.Run(async () =>
            {
                while (phase.Value < Phase.Stopped)
                {
                    var start = Stopwatch.GetTimestamp();
                    await steps[client]().ConfigureAwait(false);
                    all[client]++;
                    if (phase.Value == Phase.Measuring && start >= phase.MeasureStart)
                    {
                        samples[client].Add(Stopwatch.GetTimestamp() - start);
                    }
                }
            });
        }

        await Task.Delay(warmup).ConfigureAwait(false);
        measuring?.Invoke(true);
        var before = all.Sum();
        phase.MeasureStart = Stopwatch.GetTimestamp();
        phase.Value = Phase.Measuring;
        await Task.Delay(duration).ConfigureAwait(false);
        phase.Value = Phase.Stopped;
        var elapsed = Stopwatch.GetElapsedTime(phase.MeasureStart);
        var completed = all.Sum() - before;
        measuring?.Invoke(false);
        await Task.WhenAll(tasks).ConfigureAwait(false);

        var sorted = samples.SelectMany(static s => s).Order().ToArray();
        return new LoadResult(sorted.Length / elapsed.TotalSeconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length, completed);
    }

    private static double Percentile(long[] sorted, double p)
        => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

    private sealed class Phase
    {
        public const int Measuring = 1;
        public const int Stopped = 2;
        private volatile int _value;

        public int Value
        {
            get => _value;
            set => _value = value;
        }

        public long MeasureStart { get; set; } = long.MaxValue;
    }
}

/// <summary>What one measured run did.</summary>
/// <param name="PerSecond">Completed steps per second.</param>
/// <param name="P50">Median latency, milliseconds.</param>
/// <param name="P99">99th percentile latency, milliseconds.</param>
/// <param name="Count">Completed steps measured.</param>
/// <param name="Completed">Steps completed while measuring (those begun in the warm-up included).</param>
internal sealed record LoadResult(double PerSecond, double P50, double P99, int Count, long Completed);

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
        var load = new Load(clients, stepFor);
        await load.RunAsync(warmup, measure: false).ConfigureAwait(false);
        measuring?.Invoke(true);
        await load.RunAsync(duration, measure: true).ConfigureAwait(false);
        measuring?.Invoke(false);
        return load.Result();
    }

    /// <summary>
    /// Measures two loads in alternating slices (first, second, first, …) after a warm-up of each, so that a busy
    /// machine's bursts fall on both alike: their ratio is what a comparison needs, and running one after the other
    /// measured the other processes' load as much as either side.
    /// </summary>
    /// <param name="clients">How many concurrent clients on each side.</param>
    /// <param name="first">Makes the step of client i of the first side.</param>
    /// <param name="second">Makes the step of client i of the second side.</param>
    /// <param name="warmup">Untimed time of each side before measuring.</param>
    /// <param name="duration">Measured time of each side, split into <paramref name="slices"/> slices.</param>
    /// <param name="slices">How many slices of each side.</param>
    /// <returns>The throughput and latencies of each side.</returns>
    public static async Task<(LoadResult First, LoadResult Second)> CompareAsync(int clients, Func<int, Func<ValueTask>> first, Func<int, Func<ValueTask>> second, TimeSpan warmup, TimeSpan duration, int slices)
    {
        var a = new Load(clients, first);
        var b = new Load(clients, second);
        await a.RunAsync(warmup, measure: false).ConfigureAwait(false);
        await b.RunAsync(warmup, measure: false).ConfigureAwait(false);
        var slice = duration / Math.Max(1, slices);
        for (var i = 0; i < slices; i++)
        {
            await a.RunAsync(slice, measure: true).ConfigureAwait(false);
            await b.RunAsync(slice, measure: true).ConfigureAwait(false);
        }

        return (a.Result(), b.Result());
    }

    private static double Percentile(long[] sorted, double p)
        => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

    /// <summary>One side's clients, steps and measured samples, run in phases.</summary>
    private sealed class Load
    {
        private readonly Func<ValueTask>[] _steps;
        private readonly List<long>[] _samples;
        private TimeSpan _measured;
        private TimeSpan _cpu;
        private long _completed;

        public Load(int clients, Func<int, Func<ValueTask>> stepFor)
        {
            _steps = new Func<ValueTask>[clients];
            _samples = new List<long>[clients];
            for (var i = 0; i < clients; i++)
            {
                _steps[i] = stepFor(i);
                _samples[i] = new List<long>(4096);
            }
        }

        /// <summary>Runs every client for the duration; with <paramref name="measure"/>, steps started and finished within it count.</summary>
        public async Task RunAsync(TimeSpan duration, bool measure)
        {
            var phase = new Phase();
            var tasks = new Task[_steps.Length];
            for (var i = 0; i < tasks.Length; i++)
            {
                var client = i;
                tasks[client] = Task.Run(async () =>
                {
                    while (phase.Value < Phase.Stopped)
                    {
                        var start = Stopwatch.GetTimestamp();
                        await _steps[client]().ConfigureAwait(false);
                        if (measure)
                        {
                            Interlocked.Increment(ref _completed);
                            if (phase.Value == Phase.Measuring)
                            {
                                _samples[client].Add(Stopwatch.GetTimestamp() - start);
                            }
                        }
                    }
                });
            }

            var started = Stopwatch.GetTimestamp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            await Task.Delay(duration).ConfigureAwait(false);
            phase.Value = Phase.Stopped;
            await Task.WhenAll(tasks).ConfigureAwait(false);
            if (measure)
            {
                // The steps still running at the stop finish uncounted; their CPU time is counted, a slight overstatement.
                _measured += Stopwatch.GetElapsedTime(started);
                _cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
            }
        }

        public LoadResult Result()
        {
            var all = _samples.SelectMany(static s => s).Order().ToArray();
            return new LoadResult(all.Length / _measured.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, _cpu.TotalMicroseconds / Math.Max(1, all.Length), Interlocked.Read(ref _completed));
        }
    }

    private sealed class Phase
    {
        public const int Measuring = 1;
        public const int Stopped = 2;
        private volatile int _value = Measuring;

        public int Value
        {
            get => _value;
            set => _value = value;
        }
    }
}

/// <summary>What one measured run did.</summary>
/// <param name="PerSecond">Completed steps per second.</param>
/// <param name="P50">Median latency, milliseconds.</param>
/// <param name="P99">99th percentile latency, milliseconds.</param>
/// <param name="Count">Completed steps measured.</param>
/// <param name="CpuMicroseconds">The process's CPU time per completed step, microseconds: what other processes on a busy machine disturb least.</param>
/// <param name="Completed">Steps completed in the measured phases, those that finished after a stop included (what counters read over the measured time saw).</param>
internal sealed record LoadResult(double PerSecond, double P50, double P99, int Count, double CpuMicroseconds, long Completed);

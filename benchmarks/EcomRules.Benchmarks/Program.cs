using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EcomRules.Benchmarks;

/// <summary>
/// Entry point.
/// <list type="bullet">
/// <item><c>dotnet run -c Release --project benchmarks/EcomRules.Benchmarks -- --filter '*'</c> runs everything with
/// BenchmarkDotNet's default (long, accurate) job.</item>
/// <item><c>... -- --ci</c> runs the benchmarks in category <see cref="Categories.Ci"/> with a short job in this
/// process (BenchmarkDotNet's in-process emit toolchain: no generated project is built, so a busy CI machine cannot
/// time the build out; the memory diagnoser still counts each benchmark's allocations), prints
/// their tables and exits non-zero if a benchmark in <see cref="Categories.ZeroAlloc"/> allocated or one allocated more than its
/// <see cref="AllocationCeilingAttribute"/>. Further
/// BenchmarkDotNet arguments are passed through, so <c>... -- --ci --filter '*Sqlite*'</c> runs only the CI benchmarks
/// whose names match the glob.</item>
/// <item><c>... -- --load</c> and <c>... -- --growth</c>: concurrent clients against the stores, and the cost of an
/// order as the database grows (<see cref="Load.LoadBenchmark"/>, <see cref="Load.GrowthBenchmark"/>; issue 19). Not part
/// of <c>--ci</c>: they take minutes.</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--ci")
        {
            return RunCi(args[1..]);
        }

        if (args.Length > 0 && args[0] is "--load" or "--growth")
        {
            return (args[0] == "--load" ? Load.LoadBenchmark.RunAsync(args[1..]) : Load.GrowthBenchmark.RunAsync(args[1..])).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int RunCi(string[] extra)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("CI"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableLogFile)
            .AddFilter(new BenchmarkDotNet.Filters.AnyCategoriesFilter([Categories.Ci]));

        // RunAll replaces any --filter with '*'; Run honours it (and, without one, would ask interactively).
        var switcher = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly);
        var filtered = Array.Exists(extra, static a => a == "--filter" || a == "-f" || a.StartsWith("--filter=", StringComparison.Ordinal));
        var summaries = (filtered ? switcher.Run(extra, config) : switcher.RunAll(config, extra)).ToArray();
        if (summaries.Length == 0 || summaries.All(s => s.Reports.Length == 0))
        {
            Console.Error.WriteLine("CI benchmarks: nothing ran.");
            return 1;
        }

        var failures = 0;
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var name = report.BenchmarkCase.DisplayInfo;
            if (!report.Success)
            {
                Console.Error.WriteLine($"CI benchmarks: {name} did not run successfully.");
                failures++;
                continue;
            }

            var ceiling = (AllocationCeilingAttribute?)Attribute.GetCustomAttribute(report.BenchmarkCase.Descriptor.WorkloadMethod, typeof(AllocationCeilingAttribute));
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            if (ceiling is not null && (allocated is null || allocated > ceiling.Bytes))
            {
                Console.Error.WriteLine($"CI benchmarks: {name} allocated {allocated?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "an unknown number of"} B per operation; its ceiling is {ceiling.Bytes} B.");
                failures++;
            }

            if (report.BenchmarkCase.Descriptor.Categories.Contains(Categories.ZeroAlloc))
            {
                var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
                if (bytes != 0)
                {
                    Console.Error.WriteLine($"CI benchmarks: {name} allocated {bytes} B per operation; it must allocate nothing.");
                    failures++;
                }
            }
        }

        Console.WriteLine(failures == 0
            ? "CI benchmarks: every zero-allocation benchmark allocated 0 B per operation, and none went over its allocation ceiling."
            : $"CI benchmarks: {failures} failure(s).");
        return failures == 0 ? 0 : 1;
    }
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace EcomRules.SampleHost;

/// <summary>The trading period to simulate (section <c>"Sample"</c>; command line <c>--days --orders --seed --db</c>).</summary>
internal sealed class SampleOptions
{
    public const string SectionName = "Sample";

    [Range(1, 366)]
    public int Days { get; set; } = 14;

    [Range(1, 10_000)]
    public int OrdersPerDay { get; set; } = 60;

    public int Seed { get; set; } = 20260302;

    /// <summary>The first simulated day (ISO date). The built-in holidays cover 2025–2026; a later day counts as provisional (DSP-1).</summary>
    [Required]
    public string StartDate { get; set; } = "2026-03-02";

    /// <summary>The SQLite database file.</summary>
    [Required]
    public string Database { get; set; } = "ecomrules-sample.db";

    /// <summary>Print every port call (what a real invoice, carrier or SMS adapter would be asked to do).</summary>
    public bool Verbose { get; set; }

    /// <summary>Only check the database's invariants and exit non-zero on any violation.</summary>
    public bool Verify { get; set; }

    /// <summary>The command line, printed when an argument is not valid.</summary>
    public static string Usage =>
        "usage: EcomRules.SampleHost [--days 1-366] [--orders 1-10000] [--profile retail-platform|parts-distributor] "
        + "[--seed N] [--start yyyy-MM-dd] [--uncovered provisional|refuse] [--db FILE] [--verbose] [--verify] [--telemetry]";

    /// <summary>What is wrong with the options (the annotations' ranges and the start date); empty when nothing.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Days is < 1 or > 366)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--days must be between 1 and 366; it is {Days}."));
        }

        if (OrdersPerDay is < 1 or > 10_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--orders must be between 1 and 10000; it is {OrdersPerDay}."));
        }

        if (!DateOnly.TryParseExact(StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"--start must be a date such as 2026-03-02; it is '{StartDate}'.");
        }

        if (string.IsNullOrWhiteSpace(Database))
        {
            problems.Add("--db must name a database file.");
        }

        return problems;
    }

    /// <summary>Export the library's spans and metrics with OpenTelemetry's console exporter.</summary>
    public bool Telemetry { get; set; }
}

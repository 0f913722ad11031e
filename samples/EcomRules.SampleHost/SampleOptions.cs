using System.ComponentModel.DataAnnotations;

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

    /// <summary>The first simulated day (ISO date); the calendar covers 2025–2026.</summary>
    [Required]
    public string StartDate { get; set; } = "2026-03-02";

    /// <summary>The SQLite database file.</summary>
    [Required]
    public string Database { get; set; } = "ecomrules-sample.db";

    /// <summary>Print every port call (what a real invoice, carrier or SMS adapter would be asked to do).</summary>
    public bool Verbose { get; set; }

    /// <summary>Only check the database's invariants and exit non-zero on any violation.</summary>
    public bool Verify { get; set; }

    /// <summary>Export the library's spans and metrics with OpenTelemetry's console exporter.</summary>
    public bool Telemetry { get; set; }
}

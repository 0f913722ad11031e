using System.Globalization;

namespace EcomRules.Hosting;

/// <summary>The name a host claims leases under: configured, or machine name and process ID (unique per process).</summary>
internal static class WorkerNames
{
    public static string For(EcomRulesOptions options)
        => string.IsNullOrWhiteSpace(options.WorkerName)
            ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}")
            : options.WorkerName;
}

using EcomRules.Internal;

namespace EcomRules.Ports;

/// <summary>Exports a <see cref="TabularReport"/> through an <see cref="IReportSink"/>.</summary>
public static class ReportSinkExtensions
{
    /// <summary>Writes <paramref name="report"/> as CSV, then as JSON.</summary>
    /// <param name="sink">The sink.</param>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>Where the CSV and the JSON were written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sink"/> or <paramref name="report"/> is null.</exception>
    public static async ValueTask<(string Csv, string Json)> ExportAsync(this IReportSink sink, TabularReport report, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(sink);
        Preconditions.CheckNotNull(report);
        var csv = await sink.WriteAsync(report.Name, ReportFormat.Csv, report.Render(ReportFormat.Csv), cancellationToken).ConfigureAwait(false);
        var json = await sink.WriteAsync(report.Name, ReportFormat.Json, report.Render(ReportFormat.Json), cancellationToken).ConfigureAwait(false);
        return (csv, json);
    }
}

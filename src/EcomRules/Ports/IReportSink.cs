namespace EcomRules.Ports;

/// <summary>
/// Where exported reports go (ledgers FIN-1 and FIN-2, stock summaries WH-6): implemented by the host (files, object
/// storage, a finance system). The content is rendered by <see cref="TabularReport.Render"/>, with personal data already
/// masked by the report's producer (SEC-1). Writing the same name and format again replaces the earlier content.
/// </summary>
public interface IReportSink
{
    /// <summary>Writes one rendered report.</summary>
    /// <param name="name">The report's name, safe as a file name (letters, digits, '.', '-', '_').</param>
    /// <param name="format">The format of <paramref name="content"/>.</param>
    /// <param name="content">The rendered report.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Where the report was written (a path or a URI), for the host to show.</returns>
    ValueTask<string> WriteAsync(string name, ReportFormat format, string content, CancellationToken cancellationToken = default);
}

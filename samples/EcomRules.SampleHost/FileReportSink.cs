using System.Text;
using EcomRules.Ports;

namespace EcomRules.SampleHost;

/// <summary>The sample's <see cref="IReportSink"/>: one UTF-8 file per report and format in a directory.</summary>
internal sealed class FileReportSink : IReportSink
{
    private readonly string _directory;

    public FileReportSink(string directory) => _directory = Directory.CreateDirectory(directory).FullName;

    public string DirectoryPath => _directory;

    public async ValueTask<string> WriteAsync(string name, ReportFormat format, string content, CancellationToken cancellationToken = default)
    {
        // The name is file-safe (TabularReport checks it), so it cannot leave the directory.
        var path = Path.Combine(_directory, name + (format == ReportFormat.Csv ? ".csv" : ".json"));
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        return path;
    }
}

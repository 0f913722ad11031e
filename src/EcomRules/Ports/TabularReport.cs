using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using EcomRules.Internal;

namespace EcomRules.Ports;

/// <summary>
/// A report as a table of text cells — a daily sales ledger (FIN-1), a monthly settlement (FIN-2), a stock summary
/// (WH-6) — rendered as CSV or JSON for an <see cref="IReportSink"/>. Cells are final text: whoever builds the report
/// masks personal data first (SEC-1). Immutable.
/// </summary>
public sealed class TabularReport
{
    // Chinese text stays readable in the JSON; HTML-sensitive characters are still escaped.
    private static readonly JavaScriptEncoder ReadableText = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>Creates a report.</summary>
    /// <param name="name">The name, safe as a file name: letters, digits, '.', '-' and '_', at most 100 characters.</param>
    /// <param name="title">A line a person reads.</param>
    /// <param name="columns">The column names, unique and not blank.</param>
    /// <param name="rows">The rows, each with one cell per column (null cells are empty).</param>
    /// <param name="notes">Lines shown with the table, such as why a day is flagged; none when null.</param>
    /// <exception cref="ArgumentException">The name is not file-safe, a column is blank or repeated, or a row has the wrong number of cells.</exception>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="notes"/> is null.</exception>
    public TabularReport(string name, string title, IEnumerable<string> columns, IEnumerable<IEnumerable<string?>> rows, IEnumerable<string>? notes = null)
    {
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckArgument(name.Length <= 100 && name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') && name[0] != '.',
            nameof(name), "A report name has only letters, digits, '.', '-' and '_' (it becomes a file name).");
        Title = Preconditions.CheckNotNull(title);
        Columns = [.. Preconditions.CheckNotNull(columns)];
        Preconditions.CheckArgument(Columns.Length > 0 && Columns.All(static c => !string.IsNullOrWhiteSpace(c)) && Columns.Distinct(StringComparer.Ordinal).Count() == Columns.Length,
            nameof(columns), "A report has at least one column; names are unique and not blank.");
        var table = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var row in Preconditions.CheckNotNull(rows))
        {
            ImmutableArray<string> cells = [.. Preconditions.CheckNotNull(row).Select(static c => c ?? string.Empty)];
            Preconditions.CheckArgument(cells.Length == Columns.Length, nameof(rows), $"Row {table.Count + 1} has {cells.Length} cells; the report has {Columns.Length} columns.");
            table.Add(cells);
        }

        Name = name;
        Rows = table.ToImmutable();
        Notes = notes is null ? [] : [.. notes];
    }

    /// <summary>Gets the report's name (file-safe).</summary>
    public string Name { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the column names.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>Gets the rows, each with one cell per column.</summary>
    public ImmutableArray<ImmutableArray<string>> Rows { get; }

    /// <summary>Gets the notes shown with the table.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Renders the report.</summary>
    /// <param name="format">CSV or JSON.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    public string Render(ReportFormat format) => format switch
    {
        ReportFormat.Csv => ToCsv(),
        ReportFormat.Json => ToJson(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The format is CSV or JSON."),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Title} ({Rows.Length} rows)";

    // RFC 4180; the title and notes are not part of the table, so a CSV reader sees columns and rows only.
    private string ToCsv()
    {
        var csv = new StringBuilder();
        AppendLine(csv, Columns);
        foreach (var row in Rows)
        {
            AppendLine(csv, row);
        }

        return csv.ToString();
    }

    private string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = ReadableText }))
        {
            json.WriteStartObject();
            json.WriteString("name", Name);
            json.WriteString("title", Title);
            json.WriteStartArray("notes");
            foreach (var note in Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteStartArray("columns");
            foreach (var column in Columns)
            {
                json.WriteStringValue(column);
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < Columns.Length; i++)
                {
                    json.WriteString(Columns[i], row[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void AppendLine(StringBuilder csv, ImmutableArray<string> cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var cell = cells[i];
            // A spreadsheet would run a cell starting with '=', '+' or '@' as a formula: such a cell is kept as text.
            if (cell.Length > 0 && cell[0] is '=' or '+' or '@')
            {
                cell = "'" + cell;
            }

            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(cell);
            }
        }

        csv.Append("\r\n");
    }
}

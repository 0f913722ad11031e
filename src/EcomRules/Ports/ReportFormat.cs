namespace EcomRules.Ports;

/// <summary>The formats a <see cref="TabularReport"/> is exported in.</summary>
public enum ReportFormat
{
    /// <summary>Comma-separated values (RFC 4180, UTF-8), a header row first.</summary>
    Csv = 0,

    /// <summary>JSON: the report's name, title, notes, columns, and one object per row keyed by column.</summary>
    Json = 1,
}

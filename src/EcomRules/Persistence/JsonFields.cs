using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EcomRules.Commands;
using NodaTime;
using NodaTime.Text;

namespace EcomRules.Persistence;

/// <summary>
/// Writes the fields of one stored JSON object in the canonical layout of <see cref="EcomSerializer"/>: instants as
/// ISO-8601 UTC, dates as <c>yyyy-MM-dd</c>, money as a decimal string with two places, enums by name, absent
/// optional values as <c>null</c>. Every method returns this writer so that codecs read as a list of fields.
/// </summary>
internal sealed class JsonFields
{
    private readonly Utf8JsonWriter _writer;

    public JsonFields(Utf8JsonWriter writer) => _writer = writer;

    public JsonFields String(string name, string? value)
    {
        _writer.WriteString(name, value);
        return this;
    }

    public JsonFields Int(string name, int value)
    {
        _writer.WriteNumber(name, value);
        return this;
    }

    public JsonFields Bool(string name, bool? value)
    {
        if (value is { } b)
        {
            _writer.WriteBoolean(name, b);
        }
        else
        {
            _writer.WriteNull(name);
        }

        return this;
    }

    // Money: exact decimal text with two places ("12.50"), never a JSON number (no binary floating point on the way).
    public JsonFields Money(string name, Money value)
        => String(name, value.Yuan.ToString("0.00", CultureInfo.InvariantCulture));

    public JsonFields Instant(string name, Instant? value)
        => String(name, value is { } v ? InstantPattern.ExtendedIso.Format(v) : null);

    public JsonFields Date(string name, LocalDate? value)
        => String(name, value is { } v ? LocalDatePattern.Iso.Format(v) : null);

    // Durations: NodaTime's round-trip pattern (-D:hh:mm:ss.fffffffff), exact to the nanosecond.
    public JsonFields Duration(string name, Duration value) => String(name, DurationPattern.Roundtrip.Format(value));

    public JsonFields Enum<T>(string name, T value)
        where T : struct, Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            throw new ArgumentException($"{typeof(T).Name} value {value} is not defined and cannot be stored.", nameof(value));
        }

        return String(name, value.ToString());
    }

    public JsonFields Enum<T>(string name, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            return Enum(name, v);
        }

        _writer.WriteNull(name);
        return this;
    }

    public JsonFields Key(string name, AggregateKey key)
        => Object(name, key, static (fields, k) => fields.String("kind", k.Kind).String("id", k.Id));

    public JsonFields Object<T>(string name, T value, Action<JsonFields, T> write)
    {
        _writer.WriteStartObject(name);
        write(this, value);
        _writer.WriteEndObject();
        return this;
    }

    public JsonFields Array<T>(string name, IEnumerable<T> items, Action<JsonFields, T> write)
    {
        _writer.WriteStartArray(name);
        foreach (var item in items)
        {
            _writer.WriteStartObject();
            write(this, item);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        return this;
    }

    /// <summary>An array written only when it has items (a field added in a later release keeps older records unchanged).</summary>
    public JsonFields ArrayIfAny<T>(string name, ImmutableArray<T> items, Action<JsonFields, T> write)
        => items.IsDefaultOrEmpty ? this : Array(name, items, write);

    public JsonFields Strings(string name, IEnumerable<string> items)
    {
        _writer.WriteStartArray(name);
        foreach (var item in items)
        {
            _writer.WriteStringValue(item);
        }

        _writer.WriteEndArray();
        return this;
    }

    public JsonFields Raw(string name, string json)
    {
        _writer.WritePropertyName(name);
        _writer.WriteRawValue(json);
        return this;
    }
}

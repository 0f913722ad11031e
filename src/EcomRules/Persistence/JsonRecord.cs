using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EcomRules.Commands;
using NodaTime;
using NodaTime.Text;

namespace EcomRules.Persistence;

/// <summary>
/// Reads the fields of one stored JSON object, the counterpart of <see cref="JsonFields"/>. Every problem — a
/// missing field, a wrong JSON kind, text in the wrong format — is a <see cref="JsonException"/> naming the path of
/// the field but never its value, because the values are personal data (SEC-1).
/// </summary>
internal sealed class JsonRecord
{
    private readonly JsonElement _element;
    private readonly string _path;

    public JsonRecord(JsonElement element, string path, SerializerSettings settings)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"{path} must be a JSON object, not {element.ValueKind}.");
        }

        _element = element;
        _path = path;
        Settings = settings;
    }

    /// <summary>Gets the reading settings: SLA definitions and the resident ID reference date.</summary>
    public SerializerSettings Settings { get; }

    public string String(string name) => OptionalString(name) ?? throw Missing(name);

    public string? OptionalString(string name)
    {
        if (Find(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongKind(name, "a string");
    }

    public int Int(string name)
    {
        var value = Find(name) ?? throw Missing(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw WrongKind(name, "a 32-bit integer");
    }

    public int? OptionalInt(string name) => Find(name) is null ? null : Int(name);

    public bool Bool(string name) => OptionalBool(name) ?? throw Missing(name);

    public bool? OptionalBool(string name) => Find(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw WrongKind(name, "true or false"),
    };

    public Money Money(string name)
    {
        var text = String(name);

        // Digits, a point and at most two decimals; the Money constructor refuses fractions of a fen and negatives.
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan) && yuan <= EcomRules.Money.MaxYuan
            ? new Money(yuan)
            : throw WrongKind(name, "an amount of yuan such as \"12.50\"");
    }

    public Instant Instant(string name) => OptionalInstant(name) ?? throw Missing(name);

    public Instant? OptionalInstant(string name) => Parse(name, InstantPattern.ExtendedIso, "an ISO-8601 UTC instant");

    public LocalDate Date(string name) => OptionalDate(name) ?? throw Missing(name);

    public LocalDate? OptionalDate(string name) => Parse(name, LocalDatePattern.Iso, "a yyyy-MM-dd date");

    public Duration Duration(string name) => Parse(name, DurationPattern.Roundtrip, "a duration such as \"0:00:15:00\"") ?? throw Missing(name);

    public T Enum<T>(string name)
        where T : struct, Enum
        => OptionalEnum<T>(name) ?? throw Missing(name);

    public T? OptionalEnum<T>(string name)
        where T : struct, Enum
    {
        if (OptionalString(name) is not { } text)
        {
            return null;
        }

        // Names only: Enum.TryParse also takes numbers and comma lists, which the writer never produces.
        return text.Length > 0 && char.IsAsciiLetter(text[0]) && !text.Contains(',', StringComparison.Ordinal)
               && System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw WrongKind(name, "one of " + string.Join(", ", System.Enum.GetNames<T>()));
    }

    public AggregateKey Key(string name)
    {
        var key = Object(name);
        return new AggregateKey(key.String("kind"), key.String("id"));
    }

    public JsonRecord Object(string name) => OptionalObject(name) ?? throw Missing(name);

    public JsonRecord? OptionalObject(string name)
        => Find(name) is { } value ? new JsonRecord(value, _path + "." + name, Settings) : null;

    public ImmutableArray<T> Array<T>(string name, Func<JsonRecord, T> read)
    {
        var array = ArrayElement(name);
        var builder = ImmutableArray.CreateBuilder<T>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            builder.Add(read(new JsonRecord(item, string.Create(CultureInfo.InvariantCulture, $"{_path}.{name}[{index}]"), Settings)));
            index++;
        }

        return builder.MoveToImmutable();
    }

    /// <summary>An array that older records may lack: empty when absent.</summary>
    public ImmutableArray<T> OptionalArray<T>(string name, Func<JsonRecord, T> read)
        => Find(name) is null ? [] : Array(name, read);

    /// <summary>An array of strings that older records may lack: null when absent.</summary>
    public ImmutableArray<string>? OptionalStrings(string name) => Find(name) is null ? null : Strings(name);

    public ImmutableArray<string> Strings(string name)
    {
        var array = ArrayElement(name);
        var builder = ImmutableArray.CreateBuilder<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            builder.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw WrongKind(name, "an array of strings"));
        }

        return builder.MoveToImmutable();
    }

    public string RawText(string name) => (Find(name) ?? throw Missing(name)).GetRawText();

    private JsonElement ArrayElement(string name)
    {
        var array = Find(name) ?? throw Missing(name);
        return array.ValueKind == JsonValueKind.Array ? array : throw WrongKind(name, "an array");
    }

    private T? Parse<T>(string name, IPattern<T> pattern, string expected)
        where T : struct
    {
        if (OptionalString(name) is not { } text)
        {
            return null;
        }

        var result = pattern.Parse(text);
        return result.Success ? result.Value : throw WrongKind(name, expected);
    }

    // A field that is absent or null reads as absent; the writer writes null for every absent optional value.
    private JsonElement? Find(string name)
        => _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private JsonException Missing(string name) => new($"{_path}.{name} is required but missing or null.");

    private JsonException WrongKind(string name, string expected) => new($"{_path}.{name} must be {expected}.");
}

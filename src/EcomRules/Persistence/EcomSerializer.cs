using System.Buffers;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text;
using EcomRules.Commands;
using EcomRules.Internal;
using EcomRules.Sla;

namespace EcomRules.Persistence;

/// <summary>
/// Serializes what durable stores keep — aggregate states and domain events — to versioned JSON and back, so every
/// storage adapter (SQLite, PostgreSQL, a third party's) stores the same text and none needs to know the domain
/// types. Immutable and thread-safe; <see cref="Default"/> knows every EcomRules type, and applications or test
/// suites add their own types with <see cref="WithAggregate{T}"/> and <see cref="WithEvent{T}"/>. AOT-safe (no
/// reflection-based serialization). Round-trips by value: a deserialized state equals the original.
/// </summary>
/// <remarks>
/// <para><b>Layout.</b> Every document is one JSON object: <c>{"$type":"Order","$v":1, ...fields}</c>. <c>$type</c> is
/// the stable type name (for EcomRules types, the class name, such as <c>Order</c> or <c>OrderPaid</c>), <c>$v</c> the
/// <see cref="SchemaVersion"/> it was written with. Field names are camelCase and never change once data exists.
/// Instants are ISO-8601 UTC text (<c>2026-11-20T02:30:00Z</c>, NodaTime's extended ISO pattern), dates
/// <c>yyyy-MM-dd</c>, durations NodaTime's round-trip pattern (<c>0:00:15:00</c>), money a decimal string with two
/// places (<c>"12.50"</c>, exact), enums their names, provinces their GB/T 2260 code, absent optional values
/// <c>null</c>. An event carries <c>"source":{"kind":"order","id":"…"}</c> and <c>"at"</c>. An SLA timer is stored as
/// its definition's ID and its events (kind, at, reason), and rebuilt by replaying them. Types added with
/// <see cref="WithAggregate{T}"/> or <see cref="WithEvent{T}"/> keep their own JSON whole under <c>"data"</c>.</para>
/// <para><b>Reading</b> validates through the domain constructors and parsers (ID numbers, phone numbers, addresses,
/// money), so stored text is held to the same rules as entered text. Resident ID numbers are checked against the
/// reference date 2049-12-31, which accepts every birth date from 1900-01-01 on. Any problem — malformed JSON, an
/// unknown <c>$type</c>, a <c>$v</c> newer than <see cref="SchemaVersion"/>, a missing or invalid field — throws
/// <see cref="JsonException"/>; no partially built object is returned.</para>
/// <para><b>SLA definitions are policy</b>, not state: a timer stores only its definition's ID, and reading resolves
/// that ID in this serializer's definitions — <see cref="SlaDefinitions.All"/> unless replaced with
/// <see cref="WithSlaDefinitions"/> (pass <c>policy.Slas.Values</c> when the policy overrides a definition). A timer
/// read back is therefore measured against the current policy's goal for its ID.</para>
/// <para><b>Personal data (SEC-1).</b> The JSON holds buyers' names, ID numbers, phone numbers and addresses in full:
/// it is storage, not a log. Keep it in access-controlled stores only and never write it to logs or telemetry.
/// Exception messages name the failing field but never its value.</para>
/// </remarks>
public sealed class EcomSerializer
{
    /// <summary>The version of the JSON layout written; readers accept this version and older ones.</summary>
    public const int SchemaVersion = 1;

    private const int MaxDepth = 32;

    // Chinese text stays readable; HTML-sensitive characters are still escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), MaxDepth = MaxDepth };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    private readonly ImmutableDictionary<string, JsonCodec> _byName;
    private readonly ImmutableDictionary<Type, JsonCodec> _byType;
    private readonly SerializerSettings _settings;

    private EcomSerializer(ImmutableDictionary<string, JsonCodec> byName, ImmutableDictionary<Type, JsonCodec> byType, SerializerSettings settings)
    {
        _byName = byName;
        _byType = byType;
        _settings = settings;
    }

    /// <summary>Gets the serializer that knows every aggregate and event of EcomRules.</summary>
    public static EcomSerializer Default { get; } = new(
        BuiltInCodecs.All.ToImmutableDictionary(c => c.Name, StringComparer.Ordinal),
        BuiltInCodecs.All.ToImmutableDictionary(c => c.Type),
        SerializerSettings.Default);

    /// <summary>Returns a serializer that also stores aggregates of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <param name="typeName">A stable name stored with the JSON (never change it once data exists).</param>
    /// <param name="serialize">Writes the state as JSON text.</param>
    /// <param name="deserialize">Reads the state from that text.</param>
    /// <returns>The extended serializer.</returns>
    /// <exception cref="ArgumentException"><paramref name="typeName"/> is blank or already used, or <typeparamref name="T"/> is already registered.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EcomSerializer WithAggregate<T>(string typeName, Func<T, string> serialize, Func<string, T> deserialize)
        where T : class
        => With(typeName, serialize, deserialize, isEvent: false);

    /// <summary>Returns a serializer that also stores events of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="typeName">A stable name stored with the JSON (never change it once data exists).</param>
    /// <param name="serialize">Writes the event as JSON text.</param>
    /// <param name="deserialize">Reads the event from that text.</param>
    /// <returns>The extended serializer.</returns>
    /// <exception cref="ArgumentException"><paramref name="typeName"/> is blank or already used, or <typeparamref name="T"/> is already registered.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EcomSerializer WithEvent<T>(string typeName, Func<T, string> serialize, Func<string, T> deserialize)
        where T : DomainEvent
        => With(typeName, serialize, deserialize, isEvent: true);

    /// <summary>
    /// Returns a serializer that rebuilds stored SLA timers against <paramref name="definitions"/> instead of
    /// <see cref="SlaDefinitions.All"/>; pass <c>policy.Slas.Values</c> when a policy overrides a definition.
    /// </summary>
    /// <param name="definitions">The SLA definitions, one per ID.</param>
    /// <returns>The serializer with those definitions.</returns>
    /// <exception cref="ArgumentException">Two definitions share an ID, or one is null.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="definitions"/> is null.</exception>
    public EcomSerializer WithSlaDefinitions(IEnumerable<SlaDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var byId = new Dictionary<string, SlaDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            Preconditions.CheckArgument(definition is not null, nameof(definitions), "An SLA definition is null.");
            Preconditions.CheckArgument(byId.TryAdd(definition.Id, definition), nameof(definitions), $"Two SLA definitions have the ID '{definition.Id}'.");
        }

        return new EcomSerializer(_byName, _byType, new SerializerSettings(byId));
    }

    /// <summary>Gets whether this serializer stores values of exactly <paramref name="type"/>, as an aggregate or an event.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Whether a codec is registered for it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    public bool CanSerialize(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _byType.ContainsKey(type);
    }

    /// <summary>Serializes an aggregate state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The JSON text, with its type name and schema version.</returns>
    /// <exception cref="NotSupportedException">The state's type is not known to this serializer.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public string SerializeAggregate(object state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Write(Find(state.GetType(), isEvent: false), state);
    }

    /// <summary>Deserializes an aggregate state written by <see cref="SerializeAggregate"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The state.</returns>
    /// <exception cref="JsonException">The text is not a stored aggregate of a known type.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public object DeserializeAggregate(string json) => Read(json, isEvent: false);

    /// <summary>Serializes a domain event.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>The JSON text, with its type name and schema version.</returns>
    /// <exception cref="NotSupportedException">The event's type is not known to this serializer.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="domainEvent"/> is null.</exception>
    public string SerializeEvent(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return Write(Find(domainEvent.GetType(), isEvent: true), domainEvent);
    }

    /// <summary>Deserializes a domain event written by <see cref="SerializeEvent"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">The text is not a stored event of a known type.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public DomainEvent DeserializeEvent(string json) => (DomainEvent)Read(json, isEvent: true);

    /// <summary>
    /// Deserializes a domain event written by <see cref="SerializeEvent"/>, or says that this release cannot read it (an
    /// event type or field another release wrote): for a store that must not let one stored row stop the rest.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="domainEvent">The event; null when the text is not a stored event of a known type.</param>
    /// <returns>Whether the text was read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public bool TryDeserializeEvent(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DomainEvent? domainEvent)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            domainEvent = DeserializeEvent(json);
            return true;
        }
        catch (JsonException)
        {
            domainEvent = null;
            return false;
        }
    }

    private static string Describe(bool isEvent) => isEvent ? "event" : "aggregate";

    private static string Write(JsonCodec codec, object value)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("$type", codec.Name);
            writer.WriteNumber("$v", SchemaVersion);
            codec.Write(new JsonFields(writer), value);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private EcomSerializer With<T>(string typeName, Func<T, string> serialize, Func<string, T> deserialize, bool isEvent)
        where T : class
    {
        Preconditions.CheckNotBlank(typeName);
        ArgumentNullException.ThrowIfNull(serialize);
        ArgumentNullException.ThrowIfNull(deserialize);
        if (_byName.TryGetValue(typeName, out var existing))
        {
            throw new ArgumentException($"The type name '{typeName}' is already used by {existing.Type.Name}.", nameof(typeName));
        }

        if (_byType.TryGetValue(typeof(T), out existing))
        {
            throw new ArgumentException($"{typeof(T).Name} is already registered as '{existing.Name}'.", nameof(typeName));
        }

        var codec = Codec.Opaque(typeName, isEvent, serialize, deserialize);
        return new EcomSerializer(_byName.Add(typeName, codec), _byType.Add(typeof(T), codec), _settings);
    }

    private JsonCodec Find(Type type, bool isEvent)
        => _byType.TryGetValue(type, out var codec) && codec.IsEvent == isEvent
            ? codec
            : throw new NotSupportedException(
                $"{type.Name} is not a registered {Describe(isEvent)} type; register it with EcomSerializer.{(isEvent ? nameof(WithEvent) : nameof(WithAggregate))}.");

    private object Read(string json, bool isEvent)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            var root = new JsonRecord(document.RootElement, "$", _settings);
            var name = root.String("$type");
            var version = root.Int("$v");
            if (version > SchemaVersion || version < 1)
            {
                throw new JsonException(version > SchemaVersion
                    ? $"The stored '{name}' has schema version {version}, newer than {SchemaVersion} which this EcomRules reads; upgrade EcomRules to read it."
                    : $"The stored '{name}' has schema version {version}; versions start at 1.");
            }

            if (!_byName.TryGetValue(name, out var codec) || codec.IsEvent != isEvent)
            {
                throw new JsonException(codec is null
                    ? $"'{name}' is not a known {Describe(isEvent)} type; register it with EcomSerializer.{(isEvent ? nameof(WithEvent) : nameof(WithAggregate))}."
                    : $"'{name}' is stored as an {Describe(codec.IsEvent)}, not as an {Describe(isEvent)}.");
            }

            return codec.Read(root);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // Domain constructors refuse invalid values with these; their messages mask personal data (SEC-1).
            throw new JsonException($"The stored {Describe(isEvent)} is not valid: {e.Message}", e);
        }
    }
}

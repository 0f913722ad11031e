using EcomRules.Engine;

namespace EcomRules.Persistence;

/// <summary>
/// Serializes what durable stores keep — aggregate states and domain events — to versioned JSON and back, so every
/// storage adapter (SQLite, PostgreSQL, a third party's) stores the same text and none needs to know the domain
/// types. Immutable and thread-safe; <see cref="Default"/> knows every EcomRules type, and applications or test
/// suites add their own types with <see cref="WithAggregate{T}"/> and <see cref="WithEvent{T}"/>. AOT-safe (no
/// reflection-based serialization). Round-trips by value: a deserialized state equals the original.
/// </summary>
public sealed class EcomSerializer
{
    /// <summary>The version of the JSON layout written; readers accept this version and older ones.</summary>
    public const int SchemaVersion = 1;

    private EcomSerializer()
    {
    }

    /// <summary>Gets the serializer that knows every aggregate and event of EcomRules.</summary>
    public static EcomSerializer Default { get; } = new();

    /// <summary>Returns a serializer that also stores aggregates of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <param name="typeName">A stable name stored with the JSON (never change it once data exists).</param>
    /// <param name="serialize">Writes the state as JSON text.</param>
    /// <param name="deserialize">Reads the state from that text.</param>
    /// <returns>The extended serializer.</returns>
    /// <exception cref="ArgumentException"><paramref name="typeName"/> is blank or already used.</exception>
    public EcomSerializer WithAggregate<T>(string typeName, Func<T, string> serialize, Func<string, T> deserialize)
        where T : class
        => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Returns a serializer that also stores events of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="typeName">A stable name stored with the JSON (never change it once data exists).</param>
    /// <param name="serialize">Writes the event as JSON text.</param>
    /// <param name="deserialize">Reads the event from that text.</param>
    /// <returns>The extended serializer.</returns>
    /// <exception cref="ArgumentException"><paramref name="typeName"/> is blank or already used.</exception>
    public EcomSerializer WithEvent<T>(string typeName, Func<T, string> serialize, Func<string, T> deserialize)
        where T : DomainEvent
        => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Serializes an aggregate state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The JSON text, with its type name and schema version.</returns>
    /// <exception cref="NotSupportedException">The state's type is not known to this serializer.</exception>
    public string SerializeAggregate(object state) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Deserializes an aggregate state written by <see cref="SerializeAggregate"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The state.</returns>
    /// <exception cref="System.Text.Json.JsonException">The text is not a stored aggregate of a known type.</exception>
    public object DeserializeAggregate(string json) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Serializes a domain event.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>The JSON text, with its type name and schema version.</returns>
    /// <exception cref="NotSupportedException">The event's type is not known to this serializer.</exception>
    public string SerializeEvent(DomainEvent domainEvent) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Deserializes a domain event written by <see cref="SerializeEvent"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="System.Text.Json.JsonException">The text is not a stored event of a known type.</exception>
    public DomainEvent DeserializeEvent(string json) => throw new NotSupportedException("Not implemented yet.");
}

using EcomRules.Engine;

namespace EcomRules.Persistence;

/// <summary>
/// Serializes what durable stores keep — aggregate states and domain events — to versioned JSON and back, so every
/// storage adapter (SQLite, PostgreSQL, a third party's) stores the same text and none needs to know the domain
/// types. AOT-safe (no reflection-based serialization). Round-trips by value: a deserialized aggregate equals the
/// original.
/// </summary>
public static class EcomJson
{
    /// <summary>The version of the JSON layout written; readers accept this version and older ones.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Serializes an aggregate state (an order, a return case, a refund).</summary>
    /// <param name="state">The state.</param>
    /// <returns>The JSON text, with its type and schema version.</returns>
    /// <exception cref="NotSupportedException">The state is not a type EcomRules stores.</exception>
    public static string SerializeAggregate(object state) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Deserializes an aggregate state written by <see cref="SerializeAggregate"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The state.</returns>
    /// <exception cref="System.Text.Json.JsonException">The text is not a stored aggregate.</exception>
    public static object DeserializeAggregate(string json) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Serializes a domain event.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <returns>The JSON text, with its type and schema version.</returns>
    /// <exception cref="NotSupportedException">The event is not a type EcomRules stores.</exception>
    public static string SerializeEvent(DomainEvent domainEvent) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Deserializes a domain event written by <see cref="SerializeEvent"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="System.Text.Json.JsonException">The text is not a stored event.</exception>
    public static DomainEvent DeserializeEvent(string json) => throw new NotSupportedException("Not implemented yet.");
}

using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Persistence;

/// <summary>Builds codecs; an event codec writes and reads the common <c>source</c> and <c>at</c> fields itself.</summary>
internal static class Codec
{
    public static JsonCodec Aggregate<T>(string name, Action<JsonFields, T> write, Func<JsonRecord, T> read)
        where T : class
        => new FieldCodec<T>(name, isEvent: false, write, read);

    public static JsonCodec Event<T>(string name, Action<JsonFields, T> write, Func<JsonRecord, AggregateKey, Instant, T> read)
        where T : DomainEvent
        => new FieldCodec<T>(
            name,
            isEvent: true,
            (fields, e) =>
            {
                fields.Key("source", e.Source).Instant("at", e.At);
                write(fields, e);
            },
            record => read(record, record.Key("source"), record.Instant("at")));

    // An event with no fields of its own.
    public static JsonCodec Event<T>(string name, Func<AggregateKey, Instant, T> create)
        where T : DomainEvent
        => Event<T>(name, static (_, _) => { }, (_, source, at) => create(source, at));

    // An application's own type: its JSON text is kept whole under "data".
    public static JsonCodec Opaque<T>(string name, bool isEvent, Func<T, string> serialize, Func<string, T> deserialize)
        where T : class
        => new FieldCodec<T>(
            name,
            isEvent,
            (fields, value) => fields.Raw("data", serialize(value)),
            record => deserialize(record.RawText("data")) ?? throw new System.Text.Json.JsonException($"The deserializer of '{name}' returned null."));
}

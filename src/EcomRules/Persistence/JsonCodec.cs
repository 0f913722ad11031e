namespace EcomRules.Persistence;

/// <summary>
/// Writes and reads one stored type under a stable name. The name and the schema version are written by
/// <see cref="EcomSerializer"/>; a codec writes and reads only the type's own fields.
/// </summary>
internal abstract class JsonCodec
{
    protected JsonCodec(string name, Type type, bool isEvent)
    {
        Name = name;
        Type = type;
        IsEvent = isEvent;
    }

    /// <summary>Gets the stable name stored as <c>$type</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the CLR type this codec stores.</summary>
    public Type Type { get; }

    /// <summary>Gets whether the type is a domain event (otherwise an aggregate state).</summary>
    public bool IsEvent { get; }

    public abstract void Write(JsonFields fields, object value);

    public abstract object Read(JsonRecord record);
}

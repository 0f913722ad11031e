namespace EcomRules.Persistence;

/// <summary>A codec made of two functions: one writes the fields of a <typeparamref name="T"/>, the other reads them back.</summary>
/// <typeparam name="T">The stored type.</typeparam>
internal sealed class FieldCodec<T> : JsonCodec
    where T : class
{
    private readonly Action<JsonFields, T> _write;
    private readonly Func<JsonRecord, T> _read;

    public FieldCodec(string name, bool isEvent, Action<JsonFields, T> write, Func<JsonRecord, T> read)
        : base(name, typeof(T), isEvent)
    {
        _write = write;
        _read = read;
    }

    public override void Write(JsonFields fields, object value) => _write(fields, (T)value);

    public override object Read(JsonRecord record) => _read(record);
}

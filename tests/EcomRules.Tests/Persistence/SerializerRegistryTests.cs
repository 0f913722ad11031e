using System.Text.Json;
using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Persistence;
using NodaTime;

namespace EcomRules.Tests.Persistence;

public sealed class SerializerRegistryTests
{
    /// <summary>
    /// Every public domain event and aggregate of EcomRules must have a codec in <see cref="EcomSerializer.Default"/>;
    /// an aggregate is a public class with an <c>Id</c> whose type has an <see cref="AggregateKey"/> <c>Key</c>
    /// (as <see cref="OrderId"/> has). Register new types in <c>BuiltInCodecs</c>.
    /// </summary>
    [Fact]
    public void EveryPublicEventAndAggregateIsRegistered()
    {
        var types = typeof(Order).Assembly.GetExportedTypes().Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(DomainEvent)) || IsAggregate(t))).ToList();

        Assert.Contains(typeof(Order), types);
        Assert.Contains(typeof(OrderPaid), types);
        Assert.Empty(types.Where(t => !EcomSerializer.Default.CanSerialize(t)).Select(t => t.FullName));
    }

    [Fact]
    public void WithEvent_AddsAnApplicationEvent_WithoutChangingTheOriginal()
    {
        var serializer = EcomSerializer.Default.WithEvent<CustomEvent>(
            "CustomEvent", e => JsonSerializer.Serialize(e.Note, TestJsonContext.Default.String), json => new CustomEvent(Source, At, JsonSerializer.Deserialize(json, TestJsonContext.Default.String)!));
        var original = new CustomEvent(Source, At, "hello \"world\"");

        var json = serializer.SerializeEvent(original);

        Assert.Equal(original, serializer.DeserializeEvent(json));
        Assert.Contains("\"data\":", json, StringComparison.Ordinal);
        Assert.False(EcomSerializer.Default.CanSerialize(typeof(CustomEvent)));
        Assert.Throws<NotSupportedException>(() => EcomSerializer.Default.SerializeEvent(original));
        Assert.Throws<JsonException>(() => EcomSerializer.Default.DeserializeEvent(json));
    }

    [Fact]
    public void WithAggregate_AddsAnApplicationAggregate()
    {
        var serializer = EcomSerializer.Default.WithAggregate<CustomState>("CustomState", s => s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), json => new CustomState(int.Parse(json, System.Globalization.CultureInfo.InvariantCulture)));

        var read = serializer.DeserializeAggregate(serializer.SerializeAggregate(new CustomState(7)));

        Assert.Equal(new CustomState(7), read);
        Assert.Throws<JsonException>(() => serializer.DeserializeEvent(serializer.SerializeAggregate(new CustomState(7))));
    }

    [Fact]
    public void DuplicateNamesAndTypes_AreRefused()
    {
        var serializer = EcomSerializer.Default.WithAggregate<CustomState>("CustomState", _ => "1", _ => new CustomState(1));

        Assert.Throws<ArgumentException>(() => EcomSerializer.Default.WithAggregate<CustomState>("Order", _ => "1", _ => new CustomState(1)));
        Assert.Throws<ArgumentException>(() => serializer.WithAggregate<CustomState>("Other", _ => "1", _ => new CustomState(1)));
        Assert.Throws<ArgumentException>(() => serializer.WithEvent<CustomEvent>("CustomState", _ => "1", _ => new CustomEvent(Source, At, "x")));
        Assert.Throws<ArgumentException>(() => EcomSerializer.Default.WithEvent<CustomEvent>(" ", _ => "1", _ => new CustomEvent(Source, At, "x")));
    }

    [Fact]
    public void UnregisteredTypes_AreNotSupportedOnWriting()
    {
        Assert.Throws<NotSupportedException>(() => EcomSerializer.Default.SerializeAggregate(new CustomState(1)));
        Assert.Throws<NotSupportedException>(() => EcomSerializer.Default.SerializeAggregate(new OrderCompleted(Source, At)));
    }

    private static readonly AggregateKey Source = new("custom", "1");

    private static readonly Instant At = Instant.FromUtc(2026, 3, 4, 1, 0);

    private static bool IsAggregate(Type type)
        => type.IsClass && type.GetProperty("Id")?.PropertyType.GetProperty("Key")?.PropertyType == typeof(AggregateKey);

    public sealed record CustomEvent(AggregateKey Source, Instant At, string Note) : DomainEvent(Source, At);

    public sealed record CustomState(int Count);
}

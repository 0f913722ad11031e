using System.Text.Json;
using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Tests.Orders;

namespace EcomRules.Tests.Persistence;

public sealed class SerializerErrorTests
{
    private static readonly EcomSerializer Serializer = EcomSerializer.Default;

    private static readonly string OrderJson = Serializer.SerializeAggregate(new OrderJourney("X-1", OrderScenario.PrivateBuyer(), 6).Order!);

    public static TheoryData<string, string> BrokenDocuments() => new()
    {
        { "{", "malformed" },
        { "[]", "must be a JSON object" },
        { "{\"$v\":1}", "$.$type" },
        { "{\"$type\":\"Order\"}", "$.$v" },
        { "{\"$type\":\"Nope\",\"$v\":1}", "'Nope' is not a known aggregate type" },
        { "{\"$type\":\"OrderPaid\",\"$v\":1}", "stored as an event" },
        { "{\"$type\":\"Order\",\"$v\":2}", "newer than 1" },
        { "{\"$type\":\"Order\",\"$v\":0}", "versions start at 1" },
        { Replace("\"state\":\"Shipped\"", "\"state\":\"6\""), "$.state" },
        { Replace("\"goods\":\"112.50\"", "\"goods\":\"112.505\""), "fraction of a fen" },
        { Replace("\"goods\":\"112.50\"", "\"goods\":\"113.50\""), "sum of its lines" },
        { Replace("\"goods\":\"112.50\"", "\"goods\":112.5"), "$.goods" },
        { Replace("\"placedAt\":\"2026-03-04T01:10:00Z\"", "\"placedAt\":\"yesterday\""), "$.placedAt" },
        { Replace("\"phone\":\"13812345678\"", "\"phone\":\"12345\""), "not valid" },
        { Replace("\"id\":\"SLA-1\"", "\"id\":\"SLA-99\""), "SLA-99" },
        { Replace("\"kind\":\"Stopped\"", "\"kind\":\"Started\""), "cannot be replayed" },
        { Replace("\"province\":33", "\"province\":99"), "not valid" },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void BrokenDocuments_ThrowJsonException_NamingTheProblem(string json, string expected)
    {
        var e = Assert.ThrowsAny<JsonException>(() => Serializer.DeserializeAggregate(json));
        if (expected != "malformed")
        {
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Messages_NeverContainPersonalData()
    {
        var json = Replace("\"phone\":\"13812345678\"", "\"phone\":\"1381234567\"");

        var e = Assert.Throws<JsonException>(() => Serializer.DeserializeAggregate(json));

        Assert.DoesNotContain("1381234567", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongEventDocument_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => Serializer.DeserializeEvent(OrderJson));
        Assert.Throws<JsonException>(() => Serializer.DeserializeEvent("{\"$type\":\"OrderPaid\",\"$v\":1,\"source\":{\"kind\":\"order\",\"id\":\"A\"}}"));
    }

    [Fact]
    public void TheUnchangedDocument_Reads()
        => Assert.IsType<Order>(Serializer.DeserializeAggregate(OrderJson));

    private static string Replace(string from, string to)
    {
        Assert.Contains(from, OrderJson, StringComparison.Ordinal);
        return OrderJson.Replace(from, to, StringComparison.Ordinal);
    }
}

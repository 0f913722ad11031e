using System.Text.Json.Serialization;

namespace EcomRules.Tests.Persistence;

[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

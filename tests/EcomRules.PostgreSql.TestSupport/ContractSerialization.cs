using System.Text.Json;
using EcomRules.Commands;
using EcomRules.Persistence;
using EcomRules.Testing;
using NodaTime;
using NodaTime.Text;

namespace EcomRules.PostgreSql.TestSupport;

/// <summary>Registers the store contract's <see cref="ContractState"/> and <see cref="ContractEvent"/> with a serializer.</summary>
public static class ContractSerialization
{
    /// <summary>Gets <see cref="EcomSerializer.Default"/> plus the contract's types.</summary>
    public static EcomSerializer Serializer { get; } = EcomSerializer.Default
        .WithAggregate<ContractState>("contract-state", WriteState, ReadState)
        .WithEvent<ContractEvent>("contract-event", WriteEvent, ReadEvent);

    private static string WriteState(ContractState state)
        => JsonSerializer.Serialize(new Dictionary<string, object> { ["name"] = state.Name, ["counter"] = state.Counter });

    private static ContractState ReadState(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ContractState(root.GetProperty("name").GetString()!, root.GetProperty("counter").GetInt32());
    }

    private static string WriteEvent(ContractEvent contractEvent)
        => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kind"] = contractEvent.Source.Kind,
            ["id"] = contractEvent.Source.Id,
            ["at"] = InstantPattern.ExtendedIso.Format(contractEvent.At),
            ["note"] = contractEvent.Note,
        });

    private static ContractEvent ReadEvent(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Instant at = InstantPattern.ExtendedIso.Parse(root.GetProperty("at").GetString()!).Value;
        return new ContractEvent(new AggregateKey(root.GetProperty("kind").GetString()!, root.GetProperty("id").GetString()!), at, root.GetProperty("note").GetString()!);
    }
}

using System.Collections.Frozen;
using System.Text.Json;
using EcomRules.Sla;

namespace EcomRules.Persistence;

/// <summary>What readers need besides the JSON: the SLA definitions timers are rebuilt against.</summary>
internal sealed class SerializerSettings
{
    public SerializerSettings(IEnumerable<KeyValuePair<string, SlaDefinition>> slaDefinitions)
        => SlaDefinitions = slaDefinitions.ToFrozenDictionary(StringComparer.Ordinal);

    public static SerializerSettings Default { get; } = new(EcomRules.Sla.SlaDefinitions.All.Select(d => KeyValuePair.Create(d.Id, d)));

    public FrozenDictionary<string, SlaDefinition> SlaDefinitions { get; }

    public SlaDefinition Sla(string id) => SlaDefinitions.TryGetValue(id, out var definition)
        ? definition
        : throw new JsonException($"The stored SLA timer '{id}' has no definition in this serializer; pass the policy's SLA definitions with EcomSerializer.WithSlaDefinitions.");
}

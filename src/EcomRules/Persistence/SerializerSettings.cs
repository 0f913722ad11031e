using System.Collections.Frozen;
using System.Text.Json;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Persistence;

/// <summary>What readers need besides the JSON: the SLA definitions timers are rebuilt against, and the date ID numbers are checked against.</summary>
internal sealed class SerializerSettings
{
    public SerializerSettings(IEnumerable<KeyValuePair<string, SlaDefinition>> slaDefinitions)
        => SlaDefinitions = slaDefinitions.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Gets the reference "today" for <see cref="Customers.ResidentIdNumber.Parse"/>: 2049-12-31, the latest date whose
    /// 150-year plausibility window still starts at the 1900-01-01 floor, so every birth date a number could have
    /// been accepted with (1900-01-01 up to the day it was entered) is accepted again on reading.
    /// </summary>
    public static LocalDate ResidentIdReferenceDate { get; } = new(2049, 12, 31);

    public static SerializerSettings Default { get; } = new(EcomRules.Sla.SlaDefinitions.All.Select(d => KeyValuePair.Create(d.Id, d)));

    public FrozenDictionary<string, SlaDefinition> SlaDefinitions { get; }

    public SlaDefinition Sla(string id) => SlaDefinitions.TryGetValue(id, out var definition)
        ? definition
        : throw new JsonException($"The stored SLA timer '{id}' has no definition in this serializer; pass the policy's SLA definitions with EcomSerializer.WithSlaDefinitions.");
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Testing;

/// <summary>The change sets <see cref="StoreContract"/> saves: every field filled, so a store must round-trip them all.</summary>
internal static class ContractFixtures
{
    internal static readonly Instant Start = Instant.FromUtc(2025, 3, 3, 1, 30);

    internal static AggregateKey Key(string id) => new("contract", id);

    internal static CommandId Command(string id) => new(id);

    internal static Instant At(long version) => Start + Duration.FromMinutes(version);

    internal static string Fingerprint(string commandId)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(commandId)));

    internal static IdempotencyRecord Accepted(string commandId, AggregateKey target, long version)
        => new(Command(commandId), Fingerprint(commandId), target, DecisionStatus.Accepted, RefusalCode.None, default,
            "Saved by the store contract.", version);

    internal static IdempotencyRecord Refused(string commandId, AggregateKey target, long version)
        => new(Command(commandId), Fingerprint(commandId), target, DecisionStatus.Refused, RefusalCode.RuleViolation,
            new RuleId("REF-1"), "The refund exceeds the amount paid minus refunds already made.", version);

    internal static AuditEntry Audit(string commandId, AggregateKey target, long version, string? why = "contract test")
        => new(Command(commandId), target, "actor-" + commandId, ActorRole.CustomerService, At(version), "ContractAction",
            string.Create(CultureInfo.InvariantCulture, $"v{version - 1} → v{version}"), why, version,
            At(version).Plus(Duration.FromDays(5 * 366)));

    internal static ContractState State(string commandId, long version) => new(commandId, checked((int)version));

    internal static OutboxMessage Message(string commandId, AggregateKey source, int index)
        => new(string.Create(CultureInfo.InvariantCulture, $"{commandId}/{index}"),
            new ContractEvent(source, Start, string.Create(CultureInfo.InvariantCulture, $"{commandId} event {index}")), Start);

    /// <summary>One accepted command writing one aggregate, with audit entry, <paramref name="events"/> outbox messages and the timers.</summary>
    internal static ChangeSet Change(string commandId, AggregateKey key, long expectedVersion, int events = 1, params TimerRequest[] timers)
    {
        var outbox = new OutboxMessage[events];
        for (var i = 0; i < events; i++)
        {
            outbox[i] = Message(commandId, key, i);
        }

        var version = expectedVersion + 1;
        return new ChangeSet(
            Accepted(commandId, key, version),
            [new AggregateWrite(key, expectedVersion, State(commandId, version))],
            [Audit(commandId, key, version)],
            outbox,
            timers);
    }

    internal static TimerRequest Timer(string id, AggregateKey target, Instant? dueAt) => new(id, target, "sla-breach", dueAt);
}

using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Deadlines;

/// <summary>An SLA timer stopped: met or breached (SLA-8).</summary>
/// <param name="Source">The order.</param>
/// <param name="At">When.</param>
/// <param name="SlaId">The SLA, such as SLA-1.</param>
/// <param name="Outcome">Met or breached.</param>
/// <param name="Elapsed">The working (or elapsed) time it took.</param>
public sealed record SlaClosed(AggregateKey Source, Instant At, string SlaId, SlaState Outcome, Duration Elapsed) : DomainEvent(Source, At);

using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Returns.Events;

/// <summary>The customer asked for a return, exchange or repair within its window (RET-1, RET-2); SLA-6 started.</summary>
/// <param name="Source">The return case.</param>
/// <param name="At">When.</param>
/// <param name="Kind">What is asked for.</param>
/// <param name="Reason">Why.</param>
/// <param name="Lines">The items and units.</param>
/// <param name="LastDayToAsk">The last day of the window that applied (RET-2).</param>
public sealed record ReturnRequested(AggregateKey Source, Instant At, ReturnKind Kind, ReturnReason Reason, ImmutableArray<ReturnLine> Lines, LocalDate LastDayToAsk) : DomainEvent(Source, At);

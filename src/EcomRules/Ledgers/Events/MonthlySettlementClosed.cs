using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Ledgers.Events;

/// <summary>A month's settlement closed with the three totals in agreement (FIN-2).</summary>
/// <param name="Source">The settlement.</param>
/// <param name="At">When.</param>
/// <param name="SettlementDate">The settlement date.</param>
/// <param name="Total">The agreed total.</param>
public sealed record MonthlySettlementClosed(AggregateKey Source, Instant At, LocalDate SettlementDate, Money Total) : DomainEvent(Source, At);

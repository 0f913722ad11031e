using NodaTime;

namespace EcomRules.Ledgers;

/// <summary>
/// The closed settlement of one month (FIN-2): on its settlement date, the three totals (sales, division finance,
/// headquarters finance) agreed. Exists only once closed; immutable.
/// </summary>
/// <param name="Id">The month.</param>
/// <param name="SettlementDate">The day it was due: the policy's settlement day, or the working day it moves to.</param>
/// <param name="Total">The total all three agreed on.</param>
/// <param name="ClosedAt">When it closed.</param>
/// <param name="ClosedBy">Who closed it.</param>
public sealed record MonthlySettlement(MonthlySettlementId Id, LocalDate SettlementDate, Money Total, Instant ClosedAt, string ClosedBy);

using System.Globalization;
using EcomRules.Commands;
using EcomRules.Ledgers.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Ledgers;

/// <summary>
/// Closes a month's settlement (FIN-2), reconciled three ways: the sales total, division finance's and headquarters
/// finance's must agree. It closes on the policy's settlement day (default the 25th) or, when that is not a working
/// day, on the working day the policy names (default the previous one); a late close is accepted. Refused naming FIN-2,
/// changing nothing, before the settlement date, when the totals disagree, when the actor is not in finance, or when
/// the month is already closed.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who closes it: division or headquarters finance.</param>
/// <param name="At">When.</param>
/// <param name="Month">The month.</param>
/// <param name="Sales">The sales department's total.</param>
/// <param name="DivisionFinance">Division finance's total.</param>
/// <param name="HeadquartersFinance">Headquarters finance's total.</param>
public sealed record CloseMonthlySettlement(CommandId CommandId, Actor Actor, Instant At, YearMonth Month, Money Sales, Money DivisionFinance, Money HeadquartersFinance)
    : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => new MonthlySettlementId(Month).Key;

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var policy = input.Policy;
        if (Actor.Role != ActorRole.DivisionFinance && Actor.Role != ActorRole.HeadquartersFinance)
        {
            return CommandOutcome.Refuse(RuleIds.Fin2, $"The settlement is closed by finance; {Actor} is not.");
        }

        var date = policy.Ledgers.SettlementDate(Month, policy.Calendar);
        var today = policy.Calendar.DateOf(At);
        if (today < date)
        {
            return CommandOutcome.Refuse(RuleIds.Fin2, string.Create(CultureInfo.InvariantCulture,
                $"The settlement of {new MonthlySettlementId(Month)} closes on {date:yyyy-MM-dd}; it is {today:yyyy-MM-dd}."));
        }

        if (input.Find(Target) is { State: MonthlySettlement closed })
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, string.Create(CultureInfo.InvariantCulture,
                $"The settlement of {closed.Id} closed at {closed.ClosedAt} with {closed.Total}."), RuleIds.Fin2);
        }

        if (Sales != DivisionFinance || Sales != HeadquartersFinance)
        {
            return CommandOutcome.Refuse(RuleIds.Fin2, string.Create(CultureInfo.InvariantCulture,
                $"The three totals disagree: sales {Sales}, division finance {DivisionFinance}, headquarters finance {HeadquartersFinance}; the settlement of {new MonthlySettlementId(Month)} cannot close."));
        }

        var settlement = new MonthlySettlement(new MonthlySettlementId(Month), date, Sales, At, Actor.Id);
        return CommandOutcome.Accept(
            string.Create(CultureInfo.InvariantCulture, $"Settlement of {settlement.Id} closed on {today:yyyy-MM-dd} (due {date:yyyy-MM-dd}) with {Sales} agreed three ways"),
            [new AggregateWrite(Target, 0, settlement)],
            [new MonthlySettlementClosed(Target, At, date, Sales)]);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("month", (Month.Year * 100L) + Month.Month).Add("sales", Sales).Add("divisionFinance", DivisionFinance).Add("headquartersFinance", HeadquartersFinance);
}

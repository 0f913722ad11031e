using System.Globalization;
using EcomRules.Commands;
using EcomRules.Ledgers.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Ledgers;

/// <summary>
/// Produces the sales ledger of a working day (FIN-1): fired by the durable timer at the policy's time (default 09:00)
/// on the first working day after it, or by finance once that time has come. The ledger checks the payment status of
/// every order on it; a mismatch flags the day in <see cref="DailyLedgerClosed"/>, it is never hidden. Closing also
/// schedules the next working day's ledger, so a day without sales still gets one. Refused naming FIN-1, changing
/// nothing, for a day that is not a working day, before the ledger is due, or when it is already closed.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who closes it (the system's timer, or finance).</param>
/// <param name="At">When.</param>
/// <param name="Day">The working day.</param>
public sealed record CloseDailyLedger(CommandId CommandId, Actor Actor, Instant At, LocalDate Day) : SalesDayCommand(CommandId, Actor, At, Day)
{
    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var policy = input.Policy;
        if (!policy.Calendar.IsWorkingDay(Day))
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, string.Create(CultureInfo.InvariantCulture,
                $"{Day:yyyy-MM-dd} is not a working day; what happened on it is on the next working day's ledger."), RuleIds.Fin1);
        }

        var due = policy.Ledgers.DailyLedgerDue(Day, policy.Calendar);
        if (At < due)
        {
            return CommandOutcome.Refuse(RuleIds.Fin1, string.Create(CultureInfo.InvariantCulture,
                $"The ledger of {Day:yyyy-MM-dd} is produced from {due} (the first working day after it, at {policy.Ledgers.DailyLedgerTime:HH:mm}); it is {At}."));
        }

        var stored = input.Find(Target);
        var day = stored?.State as SalesDay ?? SalesDay.Empty(new SalesDayId(Day));
        if (day.IsClosed)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, string.Create(CultureInfo.InvariantCulture, $"The ledger of {Day:yyyy-MM-dd} closed at {day.ClosedAt}."), RuleIds.Fin1);
        }

        var closed = day.Closing(At);
        var ledger = closed.Ledger();
        var next = policy.Calendar.NextWorkingDay(Day);
        return CommandOutcome.Accept(
            ledger.ToString(),
            [new AggregateWrite(Target, stored?.Version ?? 0, closed)],
            [new DailyLedgerClosed(Target, At, Day, ledger.Lines.Length, ledger.Paid, ledger.Refunded, ledger.Mismatches)],
            [CloseTimer(next, policy)]);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer)
    {
    }
}

using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Ledgers;

/// <summary>A command on the sales ledger of one working day (FIN-1).</summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="At">When.</param>
/// <param name="Day">The ledger's working day, in the merchant's zone.</param>
public abstract record SalesDayCommand(CommandId CommandId, Actor Actor, Instant At, LocalDate Day) : EcomCommand(CommandId, Actor, At)
{
    /// <summary>The durable timer kind that produces a day's ledger (FIN-1).</summary>
    public const string DailyLedgerTimerKind = "daily-ledger";

    /// <inheritdoc />
    public override AggregateKey Target => new SalesDayId(Day).Key;

    /// <summary>The timer that closes <paramref name="day"/>'s ledger at the policy's time on the first working day after it (FIN-1).</summary>
    internal static TimerRequest CloseTimer(LocalDate day, EcomPolicy policy)
        => new(new SalesDayId(day).Key, "close", DailyLedgerTimerKind, policy.Ledgers.DailyLedgerDue(day, policy.Calendar));

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("day", Day);
        WriteFields(writer);
    }

    /// <summary>Writes the command's own fields to the fingerprint.</summary>
    internal abstract void WriteFields(PayloadWriter writer);
}

using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Refunds;
using EcomRules.Refunds.Events;
using NodaTime;

namespace EcomRules.Ledgers;

/// <summary>
/// Turns the events of accepted decisions into ledger entries (FIN-1), so neither orders nor refunds know the ledger:
/// <see cref="OrderPaid"/> → a payment, <see cref="RefundPaid"/> → a refund, <see cref="OrderCancelled"/> → a
/// cancellation; any other event → nothing. The host feeds it every outbox message (or every accepted decision) and
/// executes the command; the command ID is <c>{message key}/ledger</c>, so a message delivered twice is recorded once.
/// Stateless and thread-safe.
/// </summary>
public static class SalesLedgerFeed
{
    /// <summary>The entry a delivered outbox message makes, or null when its event is not a sale, refund or cancellation.</summary>
    /// <param name="message">The message.</param>
    /// <param name="now">When the entry is recorded.</param>
    /// <param name="policy">The policy (its calendar places the entry on its working day).</param>
    /// <returns>The command, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> or <paramref name="policy"/> is null.</exception>
    public static RecordSalesEntry? CommandFor(OutboxMessage message, Instant now, EcomPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(policy);
        var (kind, order, amount) = message.Event switch
        {
            OrderPaid paid => (SalesEntryKind.Payment, new OrderId(paid.Source.Id), paid.Amount),
            RefundPaid refund => (SalesEntryKind.Refund, RefundId.FromKey(refund.Source).Order, refund.Amount),
            OrderCancelled { Refund.IsZero: false } cancelled => (SalesEntryKind.Cancellation, new OrderId(cancelled.Source.Id), cancelled.Refund),
            _ => ((SalesEntryKind)(-1), default(OrderId), Money.Zero),
        };
        if (amount.IsZero)
        {
            return null;
        }

        var key = message.IdempotencyKey;
        var at = message.Event.At;
        var day = LedgerPolicy.LedgerDayOf(policy.Calendar.DateOf(at), policy.Calendar);
        return new RecordSalesEntry(new CommandId(key + "/ledger"), Actor.System, Instant.Max(now, at), day, kind, order, amount, at, key);
    }

    /// <summary>The entries an accepted decision's events make (the same as its outbox messages would).</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="now">When the entries are recorded.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The commands, possibly none (a refusal or a replay has no events).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> or <paramref name="policy"/> is null.</exception>
    public static IEnumerable<RecordSalesEntry> CommandsFor(Decision decision, Instant now, EcomPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(policy);
        var commands = new List<RecordSalesEntry>();
        for (var i = 0; i < decision.Events.Count; i++)
        {
            var e = decision.Events[i];
            if (CommandFor(new OutboxMessage(decision.CommandId, i, e, e.At), now, policy) is { } command)
            {
                commands.Add(command);
            }
        }

        return commands;
    }
}

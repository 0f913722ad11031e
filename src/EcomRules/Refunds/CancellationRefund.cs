using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Refunds.Events;

namespace EcomRules.Refunds;

/// <summary>
/// ORD-2 through the refund path: when an order is cancelled with money paid, the full unrefunded amount (already
/// reserved on the order by <see cref="CancelOrder"/>) is opened as a <see cref="Refund"/> numbered
/// <see cref="RefundId.ForCancellation"/> in the same change set; it is then approved and paid like any other refund
/// (REF-2, REF-3, INV-3). The order module does not know this module.
/// </summary>
internal sealed class CancellationRefund : DecisionParticipant
{
    /// <inheritdoc />
    public override IReadOnlyList<AggregateKey> Reads(EcomCommand command, in CommandOutcome outcome, EcomPolicy policy)
        => command is CancelOrder cancel && FindCancellation(outcome) is { Refund.IsZero: false } ? [RefundId.ForCancellation(cancel.OrderId).Key] : [];

    /// <inheritdoc />
    public override CommandOutcome Join(EcomCommand command, in CommandOutcome outcome, DecisionInput input)
    {
        if (command is not CancelOrder cancel || FindCancellation(outcome) is not { Refund.IsZero: false } cancelled
            || input.Get<Order>(cancel.Target) is not { } order)
        {
            return outcome;
        }

        var id = RefundId.ForCancellation(cancel.OrderId);
        if (input.Find(id.Key) is not null)
        {
            // A store written before the number was reserved: refuse, rather than fail the save on its version for ever.
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Refund {id} already exists; the cancellation's refund cannot be opened under its number.");
        }

        var opened = Refund.Open(id, order, cancelled.Refund, "order cancelled before receipt (ORD-2)", command.Actor.Id, command.At, input.Policy.Refunds, null);
        return outcome.WithWritesAndEvents(
            [.. outcome.Writes, new AggregateWrite(id.Key, 0, opened)],
            [.. outcome.Events, new RefundRequested(id.Key, command.At, cancelled.Refund, opened.ApproverRole)]);
    }

    private static OrderCancelled? FindCancellation(in CommandOutcome outcome)
    {
        foreach (var e in outcome.Events)
        {
            if (e is OrderCancelled cancelled)
            {
                return cancelled;
            }
        }

        return null;
    }
}

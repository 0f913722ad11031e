using System.Globalization;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Orders;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Ledgers;

/// <summary>
/// Records a payment, refund or cancellation on the sales ledger of its working day (FIN-1), with the order's total,
/// paid and refunded amounts read from the order, so the ledger can check the payment status. Usually made by
/// <see cref="SalesLedgerFeed"/> from an accepted decision's event. The first entry of a day schedules the durable timer
/// that produces its ledger. An entry after the close is kept and flags the day. Refused naming FIN-1, changing nothing,
/// when the day is not the working day of <paramref name="OccurredAt"/>, the order is unknown, the reference is already
/// recorded, or it happened after <paramref name="At"/>.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who records it.</param>
/// <param name="At">When it is recorded.</param>
/// <param name="Day">The ledger day: the local date of <paramref name="OccurredAt"/>, or the next working day after a rest day.</param>
/// <param name="Kind">Payment, refund or cancellation.</param>
/// <param name="Order">The order.</param>
/// <param name="Amount">The amount, above zero.</param>
/// <param name="OccurredAt">When the payment, refund or cancellation happened.</param>
/// <param name="Reference">Unique per entry on the day (the source event's idempotency key).</param>
public sealed record RecordSalesEntry(CommandId CommandId, Actor Actor, Instant At, LocalDate Day, SalesEntryKind Kind, OrderId Order, Money Amount, Instant OccurredAt, string Reference)
    : SalesDayCommand(CommandId, Actor, At, Day)
{
    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => [Order.Key];

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
    {
        if (!Enum.IsDefined(Kind) || Order.Value.Length == 0 || Amount.IsZero)
        {
            return new InputProblem("A ledger entry names an order, a kind (payment, refund, cancellation) and an amount above zero.", RuleIds.Fin1);
        }

        if (string.IsNullOrWhiteSpace(Reference))
        {
            return new InputProblem("A ledger entry needs a reference (the event it comes from).", RuleIds.Fin1);
        }

        return OccurredAt > At
            ? new InputProblem(string.Create(CultureInfo.InvariantCulture, $"A ledger entry cannot record what happens at {OccurredAt}, after it is recorded at {At}."), RuleIds.Fin1)
            : limits.Text(Reference, "reference");
    }

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var policy = input.Policy;
        var expected = LedgerPolicy.LedgerDayOf(policy.Calendar.DateOf(OccurredAt), policy.Calendar);
        if (expected != Day)
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, string.Create(CultureInfo.InvariantCulture,
                $"What happened at {OccurredAt} belongs on the ledger of {expected:yyyy-MM-dd}, not {Day:yyyy-MM-dd}."), RuleIds.Fin1);
        }

        if (input.Get<Order>(Order.Key) is not { } order)
        {
            return CommandOutcome.Refuse(RefusalCode.NotFound, $"Order {Order} does not exist; the ledger records only known orders.", RuleIds.Fin1);
        }

        var stored = input.Find(Target);
        var day = stored?.State as SalesDay ?? SalesDay.Empty(new SalesDayId(Day));
        if (day.Has(Reference))
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"The ledger of {Day:yyyy-MM-dd} already has entry '{Reference}'.", RuleIds.Fin1);
        }

        // SEC-1: the ledger keeps the masked name only, which is all it ever exports.
        var entry = new SalesEntry(Reference, Order, Kind, Amount, OccurredAt, PersonalDataMask.Name(order.Buyer.Name), order.Total, order.Paid, order.Refunded);
        var next = day.Recording(entry);
        IReadOnlyList<TimerRequest> timers = day.IsClosed ? [] : [CloseTimer(Day, policy)];
        return CommandOutcome.Accept(
            string.Create(CultureInfo.InvariantCulture, $"{Kind} of {Amount} on order {Order} recorded on the ledger of {Day:yyyy-MM-dd}{(day.IsClosed ? " after it closed: the day is flagged" : string.Empty)}"),
            [new AggregateWrite(Target, stored?.Version ?? 0, next)], [], timers);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer)
        => writer.Add("kind", (long)Kind).Add("order", Order.Value).Add("amount", Amount).Add("occurredAt", OccurredAt).Add("reference", Reference);
}

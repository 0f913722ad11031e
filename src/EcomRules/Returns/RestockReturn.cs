using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Refunds;
using EcomRules.Refunds.Events;
using EcomRules.Returns.Events;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// The warehouse confirms the received goods and stocks them in (RET-4), which stops SLA-7 (due by the end of the
/// working day of receipt), and the case is settled by its kind (RET-5), all in one change set:
/// <list type="bullet">
/// <item>Return: a <see cref="Refund"/> is opened for the goods' value plus, when the merchant is at fault, the return
/// freight the customer paid (RET-6), capped at what the order can still refund (REF-1); it then goes through
/// approval (REF-2). The refund's requester is the staff member who accepted the case (REF-3). The case is archived (RET-7).</item>
/// <item>Exchange: a replacement shipment is requested (RET-5) and SLA-4 starts; the case stays open until the
/// customer signs for the replacement (<see cref="RecordReplacementTracking"/>).</item>
/// <item>Repair: the goods are booked in for repair free of charge (RET-5); <see cref="CompleteRepair"/> ships them back.</item>
/// </list>
/// For a return the order's open return is closed (its units stay counted as returned); for an exchange or a repair,
/// when the customer signs for the goods sent back.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Warehouse staff.</param>
/// <param name="At">When the goods were stocked in.</param>
/// <param name="CaseId">The case.</param>
public sealed record RestockReturn(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId) : ReturnCommand(CommandId, Actor, At, CaseId)
{
    internal override ReturnTrigger Trigger => ReturnTrigger.Restock;

    internal override ReturnTrigger TriggerFor(ReturnCase returnCase) => returnCase.Kind switch
    {
        ReturnKind.Exchange => ReturnTrigger.RestockForExchange,
        ReturnKind.Repair => ReturnTrigger.RestockForRepair,
        _ => ReturnTrigger.Restock,
    };

    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => RefundOf(CaseId) is { } refund ? [CaseId.Order.Key, refund.Key] : [CaseId.Order.Key];

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
        // The refund this restock opens must not exist yet (a store written before its number was reserved): refuse,
        // rather than fail the save on its version for ever.
        => input.Get<ReturnCase>(Target) is not { Kind: ReturnKind.Return } ? base.Decide(input)
            : RefundOf(CaseId) is not { } refund
                ? CommandOutcome.Refuse(RefusalCode.InvalidInput, $"Return case number '{CaseId.Number}' is too long to number its refund '{RequestRefund.ReservedReturnPrefix}{{case}}'.")
            : input.Find(refund.Key) is not null
                ? CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Refund {refund} already exists; the return's refund cannot be opened under its number.")
            : base.Decide(input);

    internal override CommandOutcome Apply(ReturnStep step)
    {
        var events = new List<DomainEvent>();
        var timers = new List<TimerRequest>();
        var before = step.Case;
        switch (before.Kind)
        {
            case ReturnKind.Exchange:
                // SLA-7 stops (stocked in), SLA-4 starts: the replacement is in stock and goes to the carrier (RET-5).
                var exchanging = SlaSchedule.StopThenStart(before.Slas, step.Policy, Target, At, events, timers, "SLA-7", "SLA-4");
                events.Add(new ReturnRestocked(Target, At, before.Warehouse, before.Lines));
                return RequestReplacement(step, before.RestockingForReplacement(At, ReturnState.ReplacementRequested, exchanging), events, timers);
            case ReturnKind.Repair:
                var repairing = before.RestockingForReplacement(At, ReturnState.AwaitingRepair, SlaSchedule.Stop(before.Slas, step.Policy, Target, At, events, timers, "SLA-7"));
                events.Add(new ReturnRestocked(Target, At, before.Warehouse, before.Lines));
                events.Add(new RepairRequested(Target, At, before.Lines)); // RET-5
                events.Add(Notice(repairing, "return-repairing", $"Your goods for {CaseId} were received and are being repaired free of charge.")); // RET-7
                return Accept(step, repairing, events, timers);
            default:
                var slas = SlaSchedule.Stop(before.Slas, step.Policy, Target, At, events, timers, "SLA-7"); // SLA-7: confirmed and stocked in
                events.Add(new ReturnRestocked(Target, At, before.Warehouse, before.Lines));
                return Refund(step, before, step.Order.ClosingReturn(before.Claimed(), rejected: false), slas, events, timers);
        }
    }

    internal override void WriteFields(PayloadWriter writer)
    {
    }

    private CommandOutcome Refund(ReturnStep step, ReturnCase before, Order order, System.Collections.Immutable.ImmutableArray<Sla.SlaTimer> slas, List<DomainEvent> events, List<TimerRequest> timers)
    {
        var goods = 0m; // in decimal: a sum is capped below, never an overflowing Money
        foreach (var (sku, quantity) in before.Claimed())
        {
            goods += ValueOf(step.Order, sku, quantity);
        }

        var freight = before.MerchantAtFault ? before.ReturnFreight : Money.Zero; // RET-6
        // REF-1: never above what is left to refund; capped part by part, so goods and freight never overflow a sum.
        var refundable = step.Order.Refundable;
        var amount = goods >= refundable.Yuan ? refundable : new Money(goods);
        amount += Money.Min(freight, refundable - amount);
        if (amount.IsZero)
        {
            var nothing = before.Restocking(At, ReturnOutcome.Refunded, null, slas);
            Archive(events, nothing, $"Your return {CaseId} is done; the order was already refunded in full.");
            return Accept(step, nothing, events, timers, order);
        }

        var id = RefundOf(CaseId)!.Value; // checked in Decide
        var refund = Refunds.Refund.Open(id, step.Order, amount, $"return {CaseId} ({before.Reason})", before.DecidedBy ?? Actor.Id, At, step.Policy.Refunds, CaseId.ToString());
        var after = before.Restocking(At, ReturnOutcome.Refunded, id, slas);
        events.Add(new RefundRequested(id.Key, At, amount, refund.ApproverRole));
        Archive(events, after, freight.IsZero
            ? $"Your return {CaseId} is done; a refund of {amount} is being processed."
            : $"Your return {CaseId} is done; a refund of {amount}, including your return freight of {freight}, is being processed."); // RET-6, RET-7
        return Accept(step, after, events, timers, order.ReservingRefund(amount), new AggregateWrite(id.Key, 0, refund));
    }

    /// <summary>The ID of the refund a restocked return opens, or null when the case number is too long to make one (a case stored before RequestReturn refused such numbers).</summary>
    internal static RefundId? RefundOf(ReturnCaseId caseId)
        => caseId.Number.Length <= MaxCaseNumberLength ? new RefundId(caseId.Order, RequestRefund.ReservedReturnPrefix + caseId.Number) : null;

    /// <summary>The longest case number whose refund can be numbered <c>return-{case}</c> (a refund number has at most 64 characters).</summary>
    internal static readonly int MaxCaseNumberLength = 64 - RequestRefund.ReservedReturnPrefix.Length;

    /// <summary>
    /// What the order paid for <paramref name="quantity"/> units of <paramref name="sku"/> (REF-1, RET-6): the SKU's
    /// lines' total shared over their units. An SKU on one line, or on several at one price, is its unit price times the
    /// quantity; on lines at different prices (a gift line at 0 beside a paid one) each unit carries the average, as a
    /// platform shares a discount over the goods, whichever return case comes first. A share that is not a whole fen is
    /// rounded down, so the cases of one SKU never come to more than its lines cost.
    /// </summary>
    private static decimal ValueOf(Order order, string sku, int quantity)
    {
        var (units, cost) = order.Ordered(sku);
        return units == 0 ? 0m : Math.Floor(cost.Yuan * quantity / units * 100m) / 100m;
    }
}

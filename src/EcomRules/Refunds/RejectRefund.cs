using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Refunds.Events;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>
/// Rejects a refund before finance has reviewed it: by the tier's approver while requested, by the finance reviewer
/// once approved. The reservation on the order is released in the same change set (REF-1). The requester may not
/// reject (REF-3). No refund of a paid order that was cancelled is rejected: the platform refunds it in full (ORD-2).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The approver or reviewer.</param>
/// <param name="At">When.</param>
/// <param name="RefundId">The refund.</param>
/// <param name="RejectionReason">Why (required, recorded in the audit trail).</param>
public sealed record RejectRefund(CommandId CommandId, Actor Actor, Instant At, RefundId RefundId, string RejectionReason) : RefundCommand(CommandId, Actor, At, RefundId)
{
    /// <inheritdoc />
    public override string? Reason => RejectionReason;

    internal override RefundTrigger Trigger => RefundTrigger.Reject;

    internal override RefundStep Step => RefundStep.Rejection;

    internal override bool ChangesOrder => true;

    internal override ActorRole StepRole(Refund refund, RefundApprovalPolicy policy)
        => refund.State == RefundState.Requested ? refund.ApproverRole : policy.FinanceReviewer;

    internal override InputProblem? CheckInput(InputLimits limits)
        => string.IsNullOrWhiteSpace(RejectionReason)
            ? new InputProblem("A rejection needs its reason, recorded in the audit trail.", RuleIds.Sec3)
            : limits.Reason(RejectionReason, "rejection reason");

    /// <summary>
    /// ORD-2: a paid order that was cancelled is refunded in full. Its cancellation refund covers what no other refund
    /// had reserved, so every refund of it is owed: rejecting one would leave its amount unrefunded.
    /// </summary>
    internal override CommandOutcome? CheckOrder(Order order)
        => order.State == OrderState.Cancelled && order.Paid > Money.Zero
            ? CommandOutcome.Refuse(RuleIds.Ord2, $"Order {order.Id} was cancelled after payment and is refunded in full, so refund {RefundId} is paid, not rejected.")
            : null;

    internal override Refund Apply(Refund refund, RefundSignature signature) => refund.Rejecting(signature, RejectionReason);

    internal override Order ApplyToOrder(Order order, Refund refund) => order.ReleasingRefund(refund.Amount);

    // The customer hears of it as of a payment (RET-7 for a return's refund: each step of the return); the staff's
    // reason stays in the audit trail, not in a text message.
    internal override IReadOnlyList<DomainEvent> Events(Refund refund, RefundSignature signature, Order? order = null)
        =>
        [
            .. base.Events(refund, signature, order),
            new RefundRejected(Target, At, refund.Amount, RejectionReason),
            new CustomerNotificationRequested(Target, At, order!.Buyer.Phone, "refund-rejected", refund.ReturnCase is { } returnCase
                ? $"The refund of {refund.Amount} for your return {returnCase} was not approved; customer service will contact you."
                : $"A refund of {refund.Amount} for order {refund.Order} was not approved; customer service will contact you."),
        ];

    internal override void WriteFields(PayloadWriter writer) => writer.Add("reason", RejectionReason);
}

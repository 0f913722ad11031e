using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Refunds.Events;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>
/// Headquarters finance pays a refund that went through every step of its tier (REF-2) with its invoice recovered or
/// credited (INV-3). The order's reservation becomes a refunded amount in the same change set (REF-1), and the buyer
/// is told (REF-4, RET-7). Refused naming REF-3 when the payer lacks the role, requested the refund or signed an
/// earlier approval step.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The payer.</param>
/// <param name="At">When.</param>
/// <param name="RefundId">The refund.</param>
public sealed record PayRefund(CommandId CommandId, Actor Actor, Instant At, RefundId RefundId) : RefundCommand(CommandId, Actor, At, RefundId)
{
    internal override RefundTrigger Trigger => RefundTrigger.Pay;

    internal override RefundStep Step => RefundStep.Payment;

    internal override bool ChangesOrder => true;

    internal override ActorRole StepRole(Refund refund, RefundApprovalPolicy policy) => policy.Payer;

    internal override Refund Apply(Refund refund, RefundSignature signature) => refund.Paying(signature);

    internal override Order ApplyToOrder(Order order, Refund refund) => order.SettlingRefund(refund.Amount);

    internal override IReadOnlyList<DomainEvent> Events(Refund refund, RefundSignature signature, Order? order = null)
        =>
        [
            .. base.Events(refund, signature, order),
            new RefundPaid(Target, At, refund.Amount),
            new CustomerNotificationRequested(Target, At, order!.Buyer.Phone, "refund-paid",
                $"A refund of {refund.Amount} for order {refund.Order} has been paid."), // REF-4, RET-7
        ];
}

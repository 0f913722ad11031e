using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>
/// Division finance reviews an approved refund (REF-2). Refused naming REF-3 when the actor lacks the reviewer's role,
/// requested the refund or approved it.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The reviewer.</param>
/// <param name="At">When.</param>
/// <param name="RefundId">The refund.</param>
public sealed record ReviewRefund(CommandId CommandId, Actor Actor, Instant At, RefundId RefundId) : RefundCommand(CommandId, Actor, At, RefundId)
{
    internal override RefundTrigger Trigger => RefundTrigger.Review;

    internal override RefundStep Step => RefundStep.FinanceReview;

    internal override ActorRole StepRole(Refund refund, RefundApprovalPolicy policy) => policy.FinanceReviewer;

    internal override Refund Apply(Refund refund, RefundSignature signature) => refund.Signing(RefundState.Reviewed, signature);
}

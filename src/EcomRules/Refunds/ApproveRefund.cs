using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>
/// Approves a refund in its tier (REF-2): below the threshold the department approver's role, at or above it
/// headquarters'. Refused naming REF-3 when the actor lacks that role or requested the refund.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The approver.</param>
/// <param name="At">When.</param>
/// <param name="RefundId">The refund.</param>
public sealed record ApproveRefund(CommandId CommandId, Actor Actor, Instant At, RefundId RefundId) : RefundCommand(CommandId, Actor, At, RefundId)
{
    internal override RefundTrigger Trigger => RefundTrigger.Approve;

    internal override RefundStep Step => RefundStep.Approval;

    internal override ActorRole StepRole(Refund refund, RefundApprovalPolicy policy) => refund.ApproverRole;

    internal override Refund Apply(Refund refund, RefundSignature signature) => refund.Signing(RefundState.Approved, signature);
}

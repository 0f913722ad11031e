using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Orders;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>
/// A refund of (part of) an order: immutable; every accepted command produces a new instance. Its amount is reserved on
/// the order from the request until it is paid or rejected, so that all refunds of an order together never exceed what
/// was paid (REF-1). It moves only along <see cref="RefundWorkflow.Definition"/>.
/// </summary>
public sealed record Refund
{
    private Refund(RefundId id, Money amount, string reason, string requestedBy, Instant requestedAt, ActorRole approverRole, string? invoiceNumber, string? returnCase)
    {
        Id = id;
        Amount = amount;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
        ApproverRole = approverRole;
        InvoiceNumber = invoiceNumber;
        ReturnCase = returnCase;
        State = RefundState.Requested;
        Signatures = [];
    }

    /// <summary>Gets the refund's ID.</summary>
    public RefundId Id { get; private init; }

    /// <summary>Gets the order refunded.</summary>
    public OrderId Order => Id.Order;

    /// <summary>Gets the amount.</summary>
    public Money Amount { get; private init; }

    /// <summary>Gets why the refund is made (cancellation, return, goodwill …).</summary>
    public string Reason { get; private init; }

    /// <summary>Gets who requested it; they may sign no step (REF-3).</summary>
    public string RequestedBy { get; private init; }

    /// <summary>Gets when it was requested.</summary>
    public Instant RequestedAt { get; private init; }

    /// <summary>Gets the workflow state.</summary>
    public RefundState State { get; private init; }

    /// <summary>Gets the role that must approve it, fixed by its amount when requested (REF-2).</summary>
    public ActorRole ApproverRole { get; private init; }

    /// <summary>Gets the signed steps, in order (REF-3, SEC-3).</summary>
    public ImmutableArray<RefundSignature> Signatures { get; private init; }

    /// <summary>Gets the order's invoice, which must be recovered or credited before payment (INV-3); null when none was issued.</summary>
    public string? InvoiceNumber { get; private init; }

    /// <summary>Gets whether finance confirmed the original invoice was recovered (INV-3).</summary>
    public bool InvoiceRecovered { get; private init; }

    /// <summary>Gets the red-letter credit note's number once issued (INV-3).</summary>
    public string? CreditNoteNumber { get; private init; }

    /// <summary>Gets the return case the refund settles, or null.</summary>
    public string? ReturnCase { get; private init; }

    /// <summary>Gets when it was paid.</summary>
    public Instant? PaidAt { get; private init; }

    /// <summary>Gets why it was rejected.</summary>
    public string? RejectionReason { get; private init; }

    /// <summary>Gets whether <paramref name="actorId"/> signed the approval, the finance review or the payment (REF-3).</summary>
    /// <param name="actorId">The person.</param>
    /// <returns>True when they signed one of those steps.</returns>
    public bool SignedApprovalStep(string actorId)
    {
        foreach (var signature in Signatures)
        {
            if (signature.Step is RefundStep.Approval or RefundStep.FinanceReview or RefundStep.Payment
                && string.Equals(signature.ActorId, actorId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"Refund {Id} ({State}, {Amount})";

    /// <summary>REF-1: refuses an amount above what the order still has to refund (paid minus refunded minus reserved).</summary>
    internal static CommandOutcome? CheckLimit(Order order, Money amount)
    {
        if (amount.IsZero)
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, "A refund needs an amount above zero.");
        }

        return amount > order.Refundable
            ? CommandOutcome.Refuse(RuleIds.Ref1, $"A refund of {amount} exceeds what order {order.Id} can still refund: {order.Paid} paid, {order.Refunded} refunded, {order.RefundReserved} reserved, {order.Refundable} left.")
            : null;
    }

    /// <summary>Opens a refund on <paramref name="order"/>; the caller reserves the amount on the order in the same change set.</summary>
    internal static Refund Open(RefundId id, Order order, Money amount, string reason, string requestedBy, Instant at, Policies.RefundApprovalPolicy policy, string? returnCase)
        => new(id, amount, reason, requestedBy, at, policy.ApproverFor(amount), order.InvoiceNumber, returnCase); // REF-2: the tier by amount

    // Persistence (EcomSerializer): rebuilds a stored state field by field; the caller has validated each value.
    internal static Refund Rehydrate(RefundId id, Money amount, string reason, string requestedBy, Instant requestedAt, ActorRole approverRole,
        string? invoiceNumber, string? returnCase, RefundState state, ImmutableArray<RefundSignature> signatures,
        (bool Recovered, string? CreditNote, Instant? PaidAt, string? Rejection) settlement)
        => new Refund(id, amount, reason, requestedBy, requestedAt, approverRole, invoiceNumber, returnCase)
        {
            State = state, Signatures = signatures, InvoiceRecovered = settlement.Recovered, CreditNoteNumber = settlement.CreditNote,
            PaidAt = settlement.PaidAt, RejectionReason = settlement.Rejection,
        };

    internal Refund Signing(RefundState next, RefundSignature signature) => this with { State = next, Signatures = Signatures.Add(signature) };

    internal Refund RecoveringInvoice(RefundSignature signature) => Signing(RefundState.InvoiceSettled, signature) with { InvoiceRecovered = true };

    internal Refund Crediting(RefundSignature signature, string creditNoteNumber) => Signing(RefundState.InvoiceSettled, signature) with { CreditNoteNumber = creditNoteNumber };

    internal Refund Paying(RefundSignature signature) => Signing(RefundState.Paid, signature) with { PaidAt = signature.At };

    internal Refund Rejecting(RefundSignature signature, string reason) => Signing(RefundState.Rejected, signature) with { RejectionReason = reason };
}

using EcomRules.Workflow;

namespace EcomRules.Returns;

/// <summary>
/// The return case of RET-3, RET-4 and RET-5 as one immutable transition table, shared by every case: requested →
/// accepted (or rejected, archived) → shipped back → inspected: passed → received → restocked and archived, or failed →
/// negotiation → received or archived. An exchange ships a replacement, a repair the repaired goods: restocked →
/// (in repair →) replacement requested → shipped → signed for, archived.
/// </summary>
public static class ReturnWorkflow
{
    /// <summary>RET-3: staff accept or reject with the reason recorded (also the outcome of a negotiation, RET-4).</summary>
    public static WorkflowGuard<ReturnFacts> ReasonRecorded { get; } = new(
        "ReasonRecorded", RuleIds.Ret3,
        "a decision on a return is recorded with its reason.",
        static (in ReturnFacts f) => f.HasReason);

    /// <summary>RET-4: goods are received only when goods and invoice both pass the receiving conditions.</summary>
    public static WorkflowGuard<ReturnFacts> GoodsAndInvoicePass { get; } = new(
        "GoodsAndInvoicePass", RuleIds.Ret4,
        "goods are received only when the goods and the invoice both pass the inspection.",
        static (in ReturnFacts f) => f.GoodsPassed && f.InvoiceReturned);

    // RET-3: a decision on a request is made once; deciding again names RET-3, not the order of RET-4's steps.
    private const string Decided = "the request has already been decided; a decision is recorded once.";

    /// <summary>Gets the return workflow.</summary>
    public static WorkflowDefinition<ReturnState, ReturnTrigger, ReturnFacts> Definition { get; } =
        new WorkflowBuilder<ReturnState, ReturnTrigger, ReturnFacts>("return")
            .StartAt(ReturnState.Requested)
            .OnUnhandledTrigger(RuleIds.Ret4, "a return is decided, shipped back with the invoice, inspected and restocked, in that order.")
            .Configure(ReturnState.Requested)
                .PermitIf(ReturnTrigger.Accept, ReturnState.Accepted, ReasonRecorded)
                .PermitIf(ReturnTrigger.Reject, ReturnState.Archived, ReasonRecorded)
            .Configure(ReturnState.Accepted)
                .Refuse(ReturnTrigger.Accept, RuleIds.Ret3, Decided).Refuse(ReturnTrigger.Reject, RuleIds.Ret3, Decided)
                .Permit(ReturnTrigger.Ship, ReturnState.ReturnShipped)
            .Configure(ReturnState.ReturnShipped)
                .Refuse(ReturnTrigger.Accept, RuleIds.Ret3, Decided).Refuse(ReturnTrigger.Reject, RuleIds.Ret3, Decided)
                .PermitIf(ReturnTrigger.PassInspection, ReturnState.Received, GoodsAndInvoicePass)
                .Permit(ReturnTrigger.FailInspection, ReturnState.Negotiating)
                .Ignore(ReturnTrigger.Ship)
            .Configure(ReturnState.Negotiating)
                .Refuse(ReturnTrigger.Accept, RuleIds.Ret3, Decided).Refuse(ReturnTrigger.Reject, RuleIds.Ret3, Decided)
                .PermitIf(ReturnTrigger.ResolveAccept, ReturnState.Received, ReasonRecorded)
                .PermitIf(ReturnTrigger.ResolveReject, ReturnState.Archived, ReasonRecorded)
            .Configure(ReturnState.Received)
                .Refuse(ReturnTrigger.Accept, RuleIds.Ret3, Decided).Refuse(ReturnTrigger.Reject, RuleIds.Ret3, Decided)
                .Permit(ReturnTrigger.Restock, ReturnState.Archived)
                .Permit(ReturnTrigger.RestockForExchange, ReturnState.ReplacementRequested)
                .Permit(ReturnTrigger.RestockForRepair, ReturnState.AwaitingRepair)
            .Configure(ReturnState.AwaitingRepair)
                .Refuse(ReturnTrigger.Accept, RuleIds.Ret3, Decided).Refuse(ReturnTrigger.Reject, RuleIds.Ret3, Decided)
                .Permit(ReturnTrigger.FinishRepair, ReturnState.ReplacementRequested)
            .Configure(ReturnState.ReplacementRequested)
                .Refuse(ReturnTrigger.Accept, RuleIds.Ret3, Decided).Refuse(ReturnTrigger.Reject, RuleIds.Ret3, Decided)
                .Permit(ReturnTrigger.ShipReplacement, ReturnState.ReplacementShipped)
            .Configure(ReturnState.ReplacementShipped)
                .Refuse(ReturnTrigger.Accept, RuleIds.Ret3, Decided).Refuse(ReturnTrigger.Reject, RuleIds.Ret3, Decided)
                .InternalTransition(ReturnTrigger.TrackReplacement)
                .Permit(ReturnTrigger.DeliverReplacement, ReturnState.Archived)
                .Ignore(ReturnTrigger.ShipReplacement)
            .Configure(ReturnState.Archived)
                .Refuse(ReturnTrigger.Accept, RuleIds.Ret3, Decided).Refuse(ReturnTrigger.Reject, RuleIds.Ret3, Decided)
            .Build();
}

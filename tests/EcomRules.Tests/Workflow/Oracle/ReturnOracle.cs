using EcomRules.Returns;

namespace EcomRules.Tests.Workflow.Oracle;

/// <summary>
/// The return case configured in Stateless by hand from RULES.md (RET-3, RET-4, RET-7) and the README's return
/// diagram — not generated from <see cref="ReturnWorkflow"/>.
/// </summary>
internal static class ReturnOracle
{
    public static StatelessOracle<ReturnState, ReturnTrigger, ReturnFacts> Create()
    {
        // RET-3: a request is decided once, so deciding again cites RET-3; any other step out of order cites RET-4.
        var oracle = new StatelessOracle<ReturnState, ReturnTrigger, ReturnFacts>(static (_, trigger, failedGuard)
            => failedGuard ?? (trigger is ReturnTrigger.Accept or ReturnTrigger.Reject ? "RET-3" : "RET-4"));

        // RET-3: service staff accept or reject with the reason recorded (and so does the negotiation of RET-4).
        var reasonRecorded = oracle.Guard(f => f.HasReason);

        // RET-4: goods are received only when goods and invoice both pass the receiving conditions.
        var goodsAndInvoice = oracle.Guard(f => f.GoodsPassed && f.InvoiceReturned);

        var machine = oracle.Machine;
        machine.Configure(ReturnState.Requested)
            .PermitIf(ReturnTrigger.Accept, ReturnState.Accepted, reasonRecorded, "RET-3")
            .PermitIf(ReturnTrigger.Reject, ReturnState.Archived, reasonRecorded, "RET-3");
        machine.Configure(ReturnState.Accepted)
            .Permit(ReturnTrigger.Ship, ReturnState.ReturnShipped);

        // RET-4: inspection passes (received) or fails (the parcel is refused, three-way negotiation); a repeated
        // shipping notice changes nothing.
        machine.Configure(ReturnState.ReturnShipped)
            .PermitIf(ReturnTrigger.PassInspection, ReturnState.Received, goodsAndInvoice, "RET-4")
            .Permit(ReturnTrigger.FailInspection, ReturnState.Negotiating)
            .Ignore(ReturnTrigger.Ship);
        machine.Configure(ReturnState.Negotiating)
            .PermitIf(ReturnTrigger.ResolveAccept, ReturnState.Received, reasonRecorded, "RET-3")
            .PermitIf(ReturnTrigger.ResolveReject, ReturnState.Archived, reasonRecorded, "RET-3");

        // RET-4 / SLA-7: restocked the same day; RET-7: the case is archived at the end. RET-5: an exchange ships a
        // replacement instead of refunding, a quality problem may be repaired and shipped back.
        machine.Configure(ReturnState.Received)
            .Permit(ReturnTrigger.Restock, ReturnState.Archived)
            .Permit(ReturnTrigger.RestockForExchange, ReturnState.ReplacementRequested)
            .Permit(ReturnTrigger.RestockForRepair, ReturnState.AwaitingRepair);
        machine.Configure(ReturnState.AwaitingRepair)
            .Permit(ReturnTrigger.FinishRepair, ReturnState.ReplacementRequested);
        machine.Configure(ReturnState.ReplacementRequested)
            .Permit(ReturnTrigger.ShipReplacement, ReturnState.ReplacementShipped);

        // CAR-3: tracking events flow back without a change of state; a repeated shipping notice changes nothing; RET-7:
        // archived once the customer signs for the replacement.
        machine.Configure(ReturnState.ReplacementShipped)
            .InternalTransition(ReturnTrigger.TrackReplacement, oracle.Internal)
            .Permit(ReturnTrigger.DeliverReplacement, ReturnState.Archived)
            .Ignore(ReturnTrigger.ShipReplacement);
        machine.Configure(ReturnState.Archived);
        return oracle;
    }
}

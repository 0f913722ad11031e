using EcomRules.Complaints;

namespace EcomRules.Tests.Workflow.Oracle;

/// <summary>
/// The complaint configured in Stateless by hand from RULES.md (AFS-1, AFS-2) — not generated from
/// <see cref="ComplaintWorkflow"/>.
/// </summary>
internal static class ComplaintOracle
{
    public static StatelessOracle<ComplaintState, ComplaintTrigger, ComplaintFacts> Create()
    {
        // AFS-2: once in mediation or arbitration only the outcome moves it; any other step out of order cites AFS-1.
        var oracle = new StatelessOracle<ComplaintState, ComplaintTrigger, ComplaintFacts>(static (state, _, failedGuard)
            => failedGuard ?? (state is ComplaintState.InMediation or ComplaintState.InArbitration ? "AFS-2" : "AFS-1"));
        var text = oracle.Guard(f => f.HasText);
        var caseEnded = oracle.Guard(f => f.ReturnCaseEnded);

        // AFS-1: service answers, or escalates to the department head whose decision is the answer; the end of the
        // linked return case closes the complaint before any dispute.
        var machine = oracle.Machine;
        machine.Configure(ComplaintState.Received)
            .PermitIf(ComplaintTrigger.Answer, ComplaintState.Answered, text, "AFS-1")
            .Permit(ComplaintTrigger.Escalate, ComplaintState.Escalated)
            .PermitIf(ComplaintTrigger.ResolveByReturnCase, ComplaintState.Closed, caseEnded, "AFS-1");
        machine.Configure(ComplaintState.Escalated)
            .PermitIf(ComplaintTrigger.Decide, ComplaintState.Answered, text, "AFS-1")
            .Ignore(ComplaintTrigger.Escalate)
            .PermitIf(ComplaintTrigger.ResolveByReturnCase, ComplaintState.Closed, caseEnded, "AFS-1");
        machine.Configure(ComplaintState.Answered)
            .Permit(ComplaintTrigger.Accept, ComplaintState.Closed)
            .Permit(ComplaintTrigger.Dispute, ComplaintState.InMediation)
            .PermitIf(ComplaintTrigger.ResolveByReturnCase, ComplaintState.Closed, caseEnded, "AFS-1");

        // AFS-2: mediation, then arbitration, each outcome recorded.
        machine.Configure(ComplaintState.InMediation)
            .PermitIf(ComplaintTrigger.Settle, ComplaintState.Closed, text, "AFS-2")
            .PermitIf(ComplaintTrigger.FailMediation, ComplaintState.InArbitration, text, "AFS-2");
        machine.Configure(ComplaintState.InArbitration)
            .PermitIf(ComplaintTrigger.Award, ComplaintState.Closed, text, "AFS-2");
        machine.Configure(ComplaintState.Closed)
            .Ignore(ComplaintTrigger.ResolveByReturnCase);
        return oracle;
    }
}

using EcomRules.Workflow;

namespace EcomRules.Complaints;

/// <summary>
/// The complaint of AFS-1 and AFS-2 as one immutable transition table, shared by every complaint: received → answered
/// by customer service, or escalated → decided by the department head (answered) → accepted (closed) or disputed →
/// mediation → settled (closed) or arbitration → award (closed). A complaint about a return case closes when the case
/// ends, from any state before the dispute.
/// </summary>
public static class ComplaintWorkflow
{
    /// <summary>AFS-1: an answer or decision is recorded with its text.</summary>
    public static WorkflowGuard<ComplaintFacts> AnswerGiven { get; } = new(
        "AnswerGiven", RuleIds.Afs1,
        "a complaint is answered with the answer's text; a blank answer answers nothing.",
        static (in ComplaintFacts f) => f.HasText);

    /// <summary>AFS-2: the outcome of mediation or arbitration is recorded.</summary>
    public static WorkflowGuard<ComplaintFacts> OutcomeRecorded { get; } = new(
        "OutcomeRecorded", RuleIds.Afs2,
        "the outcome of mediation or arbitration is recorded with its text.",
        static (in ComplaintFacts f) => f.HasText);

    /// <summary>AFS-1: only the end of the linked return case closes the complaint on its behalf.</summary>
    public static WorkflowGuard<ComplaintFacts> ReturnCaseEnded { get; } = new(
        "ReturnCaseEnded", RuleIds.Afs1,
        "the complaint closes with its return case only once the case has ended.",
        static (in ComplaintFacts f) => f.ReturnCaseEnded);

    private const string InDispute = "the dispute is in mediation or arbitration; only its outcome moves it on.";

    /// <summary>Gets the complaint workflow.</summary>
    public static WorkflowDefinition<ComplaintState, ComplaintTrigger, ComplaintFacts> Definition { get; } =
        new WorkflowBuilder<ComplaintState, ComplaintTrigger, ComplaintFacts>("complaint")
            .StartAt(ComplaintState.Received)
            .OnUnhandledTrigger(RuleIds.Afs1, "a complaint is answered (or escalated and decided by the department head), then accepted or disputed, in that order.")
            .Configure(ComplaintState.Received)
                .PermitIf(ComplaintTrigger.Answer, ComplaintState.Answered, AnswerGiven)
                .Permit(ComplaintTrigger.Escalate, ComplaintState.Escalated)
                .PermitIf(ComplaintTrigger.ResolveByReturnCase, ComplaintState.Closed, ReturnCaseEnded)
            .Configure(ComplaintState.Escalated)
                .PermitIf(ComplaintTrigger.Decide, ComplaintState.Answered, AnswerGiven)
                .Ignore(ComplaintTrigger.Escalate)
                .PermitIf(ComplaintTrigger.ResolveByReturnCase, ComplaintState.Closed, ReturnCaseEnded)
            .Configure(ComplaintState.Answered)
                .Permit(ComplaintTrigger.Accept, ComplaintState.Closed)
                .Permit(ComplaintTrigger.Dispute, ComplaintState.InMediation)
                .PermitIf(ComplaintTrigger.ResolveByReturnCase, ComplaintState.Closed, ReturnCaseEnded)
            .Configure(ComplaintState.InMediation)
                .PermitIf(ComplaintTrigger.Settle, ComplaintState.Closed, OutcomeRecorded)
                .PermitIf(ComplaintTrigger.FailMediation, ComplaintState.InArbitration, OutcomeRecorded)
                .Refuse(ComplaintTrigger.Answer, RuleIds.Afs2, InDispute).Refuse(ComplaintTrigger.Accept, RuleIds.Afs2, InDispute)
                .Refuse(ComplaintTrigger.Dispute, RuleIds.Afs2, InDispute).Refuse(ComplaintTrigger.Award, RuleIds.Afs2, "arbitration follows a failed mediation.")
                .Refuse(ComplaintTrigger.ResolveByReturnCase, RuleIds.Afs2, InDispute)
                .Refuse(ComplaintTrigger.Escalate, RuleIds.Afs2, InDispute).Refuse(ComplaintTrigger.Decide, RuleIds.Afs2, InDispute)
            .Configure(ComplaintState.InArbitration)
                .PermitIf(ComplaintTrigger.Award, ComplaintState.Closed, OutcomeRecorded)
                .Refuse(ComplaintTrigger.Answer, RuleIds.Afs2, InDispute).Refuse(ComplaintTrigger.Accept, RuleIds.Afs2, InDispute)
                .Refuse(ComplaintTrigger.Dispute, RuleIds.Afs2, InDispute).Refuse(ComplaintTrigger.Settle, RuleIds.Afs2, InDispute)
                .Refuse(ComplaintTrigger.FailMediation, RuleIds.Afs2, InDispute).Refuse(ComplaintTrigger.ResolveByReturnCase, RuleIds.Afs2, InDispute)
                .Refuse(ComplaintTrigger.Escalate, RuleIds.Afs2, InDispute).Refuse(ComplaintTrigger.Decide, RuleIds.Afs2, InDispute)
            .Configure(ComplaintState.Closed)
                .Ignore(ComplaintTrigger.ResolveByReturnCase)
            .Build();
}

using EcomRules.Policies;

namespace EcomRules.Complaints;

/// <summary>
/// Who may issue the complaint and follow-up commands (SEC-2), registered in <see cref="Engine.EcomModules"/>: the same
/// roles the AFS rules name (customer service answers and escalates, the service department head decides, the customer
/// accepts or disputes, service records mediation and arbitration); the system fires the deadlines, closes a complaint
/// with its return case and opens follow-up visits (ORD-5). The AFS rules keep the finer checks (who answers when).
/// </summary>
internal static class ComplaintPermissions
{
    /// <summary>Adds the complaint commands' defaults.</summary>
    public static CommandPermissions Register(CommandPermissions table, EcomPolicy policy)
    {
        ActorRole[] service = [ActorRole.CustomerService, ActorRole.ServiceDepartmentHead];
        return table
            .Allow<FileComplaint>([ActorRole.Customer, .. service])
            .Allow<AnswerComplaint>(service)
            .Allow<EscalateComplaint>(service)
            .Allow<DecideComplaint>(service)
            .Allow<AcceptComplaintAnswer>([ActorRole.Customer, .. service])
            .Allow<DisputeComplaint>([ActorRole.Customer, .. service])
            .Allow<RecordMediationOutcome>(service)
            .Allow<RecordArbitrationAward>(service)
            .Allow<CloseComplaintWithReturnCase>([ActorRole.System, .. service])
            .Allow<RecordComplaintDeadlinePassed>(ActorRole.System)
            .Allow<OpenFollowUpVisit>([ActorRole.System, .. service])
            .Allow<RecordFollowUpVisit>([ActorRole.Sales, .. service])
            .Allow<RecordFollowUpVisitDeadlinePassed>(ActorRole.System);
    }
}

namespace EcomRules.Complaints;

/// <summary>How a complaint ended (AFS-1, AFS-2).</summary>
public enum ComplaintResolution
{
    /// <summary>Not closed yet.</summary>
    Open = 0,

    /// <summary>The customer accepted the answer (of customer service or the department head).</summary>
    AnswerAccepted = 1,

    /// <summary>Settled in mediation (AFS-2).</summary>
    SettledInMediation = 2,

    /// <summary>Decided by arbitration (AFS-2).</summary>
    Arbitrated = 3,

    /// <summary>Closed by the resolution of the linked return case.</summary>
    ReturnCaseResolved = 4,
}

namespace EcomRules.Complaints;

/// <summary>What moves a complaint (AFS-1, AFS-2).</summary>
public enum ComplaintTrigger
{
    /// <summary>Customer service answers.</summary>
    Answer = 0,

    /// <summary>Customer service cannot answer: escalate to the department head.</summary>
    Escalate = 1,

    /// <summary>The department head decides an escalated complaint.</summary>
    Decide = 2,

    /// <summary>The customer accepts the answer: closed.</summary>
    Accept = 3,

    /// <summary>The customer disputes the answer: mediation.</summary>
    Dispute = 4,

    /// <summary>Mediation settled the dispute: closed.</summary>
    Settle = 5,

    /// <summary>Mediation failed: arbitration.</summary>
    FailMediation = 6,

    /// <summary>The arbitration's award: closed.</summary>
    Award = 7,

    /// <summary>The linked return case ended: its resolution closes the complaint.</summary>
    ResolveByReturnCase = 8,
}

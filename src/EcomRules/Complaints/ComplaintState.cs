namespace EcomRules.Complaints;

/// <summary>Where a complaint is (AFS-1, AFS-2).</summary>
public enum ComplaintState
{
    /// <summary>Recorded with the customer's demand; customer service answers within SLA-6 (running).</summary>
    Received = 0,

    /// <summary>Customer service could not answer: the department head decides, still within SLA-6 (AFS-1).</summary>
    Escalated = 1,

    /// <summary>Answered (by customer service or the head's decision, sent to the customer by SMS); SLA-6 stopped.</summary>
    Answered = 2,

    /// <summary>The customer disputes the answer: in mediation (AFS-2).</summary>
    InMediation = 3,

    /// <summary>Mediation did not settle the dispute: in arbitration (AFS-2).</summary>
    InArbitration = 4,

    /// <summary>Closed; <see cref="Complaint.Resolution"/> says how. A closed complaint always has an answer.</summary>
    Closed = 5,
}

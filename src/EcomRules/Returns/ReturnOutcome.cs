namespace EcomRules.Returns;

/// <summary>How a return case ended.</summary>
public enum ReturnOutcome
{
    /// <summary>Not ended yet.</summary>
    Open = 0,

    /// <summary>Service staff rejected the request (RET-3).</summary>
    Rejected = 1,

    /// <summary>The inspection failed and the negotiation refused the return (RET-4).</summary>
    RefusedAfterNegotiation = 2,

    /// <summary>The goods were restocked and a refund opened.</summary>
    Refunded = 3,

    /// <summary>The goods were restocked and a replacement shipped (RET-5).</summary>
    Exchanged = 4,

    /// <summary>The goods went to repair (RET-5).</summary>
    Repaired = 5,
}

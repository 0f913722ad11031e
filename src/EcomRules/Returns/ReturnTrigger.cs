namespace EcomRules.Returns;

/// <summary>The business actions on a return case.</summary>
public enum ReturnTrigger
{
    /// <summary>Service staff accept the request (RET-3).</summary>
    Accept = 0,

    /// <summary>Service staff reject the request (RET-3).</summary>
    Reject = 1,

    /// <summary>The customer ships goods and invoice back (RET-4).</summary>
    Ship = 2,

    /// <summary>The warehouse's inspection of goods and invoice passes (RET-4).</summary>
    PassInspection = 3,

    /// <summary>The warehouse's inspection fails; the parcel is refused (RET-4).</summary>
    FailInspection = 4,

    /// <summary>The three-way negotiation ends with the goods accepted (RET-4).</summary>
    ResolveAccept = 5,

    /// <summary>The three-way negotiation ends with the return refused (RET-4).</summary>
    ResolveReject = 6,

    /// <summary>The warehouse stocks the goods in (RET-4, SLA-7).</summary>
    Restock = 7,

    /// <summary>The warehouse stocks in the goods of an exchange; a replacement is to ship (RET-5).</summary>
    RestockForExchange = 8,

    /// <summary>The warehouse stocks in goods that go to repair free of charge (RET-5).</summary>
    RestockForRepair = 9,

    /// <summary>The repair is done; the repaired goods are to ship back (RET-5).</summary>
    FinishRepair = 10,

    /// <summary>A carrier booked the replacement or the repaired goods (RET-5, CAR-3).</summary>
    ShipReplacement = 11,

    /// <summary>The carrier reports the replacement in transit or out for delivery (CAR-3).</summary>
    TrackReplacement = 12,

    /// <summary>The customer signed for the replacement or the repaired goods; the case closes (RET-5, RET-7).</summary>
    DeliverReplacement = 13,
}

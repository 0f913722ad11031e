namespace EcomRules.Returns;

/// <summary>Where a return case is (RET-3, RET-4, RET-7).</summary>
public enum ReturnState
{
    /// <summary>Asked for; waits for service staff's decision (RET-3, SLA-6 running).</summary>
    Requested = 0,

    /// <summary>Accepted; waits for the customer to ship goods and invoice back to the dispatching warehouse (RET-4).</summary>
    Accepted = 1,

    /// <summary>Shipped back; waits for the warehouse's inspection of goods and invoice (RET-4).</summary>
    ReturnShipped = 2,

    /// <summary>The inspection failed and the parcel was refused: customer, service and warehouse negotiate (RET-4).</summary>
    Negotiating = 3,

    /// <summary>Goods and invoice passed and were received; waits for stock-in the same working day (RET-4, SLA-7).</summary>
    Received = 4,

    /// <summary>Finished and archived (RET-7); <see cref="ReturnCase.Outcome"/> says how it ended.</summary>
    Archived = 5,

    /// <summary>Repair: the goods were stocked in and are being repaired free of charge (RET-5).</summary>
    AwaitingRepair = 6,

    /// <summary>Exchange or repair: the replacement or the repaired goods wait for a carrier booking (RET-5, SLA-4 running).</summary>
    ReplacementRequested = 7,

    /// <summary>The replacement or the repaired goods are with the carrier; the case closes when the customer signs (RET-5, CAR-3).</summary>
    ReplacementShipped = 8,
}

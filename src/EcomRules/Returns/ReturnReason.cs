namespace EcomRules.Returns;

/// <summary>The reason the customer picks (RET-1). Every reason but <see cref="Other"/> is a merchant fault (RET-6).</summary>
public enum ReturnReason
{
    /// <summary>Not as described (merchant fault).</summary>
    NotAsDescribed = 0,

    /// <summary>Wrong or missing item (merchant fault).</summary>
    WrongOrMissingItem = 1,

    /// <summary>Damaged on arrival (merchant fault).</summary>
    DamagedOnArrival = 2,

    /// <summary>Quality problem (merchant fault).</summary>
    QualityProblem = 3,

    /// <summary>Any other reason, in free text (required); a "no reason" return.</summary>
    Other = 4,
}

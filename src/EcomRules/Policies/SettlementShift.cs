namespace EcomRules.Policies;

/// <summary>Where the monthly settlement moves when its day of the month is not a working day (FIN-2).</summary>
public enum SettlementShift
{
    /// <summary>To the last working day before it (the default: the books close early rather than late).</summary>
    PreviousWorkingDay = 0,

    /// <summary>To the first working day after it.</summary>
    NextWorkingDay = 1,
}

namespace EcomRules.Stock;

/// <summary>Where a procurement request stands (WH-4, WH-5).</summary>
public enum ProcurementState
{
    /// <summary>Requested; operations has not approved it yet.</summary>
    Requested,

    /// <summary>Approved by operations; above the threshold it waits for the chairman's sign-off (WH-5).</summary>
    AwaitingSignOff,

    /// <summary>Approved with every signature it needs: procurement may start.</summary>
    Approved,
}

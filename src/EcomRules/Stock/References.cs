using EcomRules.Policies;

namespace EcomRules.Stock;

/// <summary>Checks the reference a movement carries (an order, a delivery note, a stocktake).</summary>
internal static class References
{
    public static InputProblem? Check(string? reference, InputLimits limits)
        => string.IsNullOrWhiteSpace(reference)
            ? new InputProblem("A stock movement needs a reference (an order, a delivery note or a stocktake).", RuleIds.Wh3)
            : limits.Code(reference, "reference");
}

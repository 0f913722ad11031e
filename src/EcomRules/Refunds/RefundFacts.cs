namespace EcomRules.Refunds;

/// <summary>What the refund workflow's guard looks at: whether the actor may sign the step (REF-3).</summary>
/// <param name="HoldsStepRole">Whether the actor acts in the role the step needs.</param>
/// <param name="IsIndependent">Whether the actor neither requested the refund nor signed an earlier approval step.</param>
public readonly record struct RefundFacts(bool HoldsStepRole, bool IsIndependent);

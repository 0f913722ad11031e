namespace EcomRules.Policies;

/// <summary>Why a command's own fields are invalid, and the catalogue rule at stake if one is (default when none).</summary>
/// <param name="Reason">The sentence the refusal reports.</param>
/// <param name="RuleId">The rule, or default.</param>
internal readonly record struct InputProblem(string Reason, RuleId RuleId = default);

namespace EcomRules.Complaints;

/// <summary>What the complaint workflow's guards look at.</summary>
/// <param name="HasText">Whether the answer, decision or outcome the command records is given (not blank).</param>
/// <param name="ReturnCaseEnded">Whether the linked return case has ended (archived).</param>
public readonly record struct ComplaintFacts(bool HasText, bool ReturnCaseEnded);

namespace EcomRules.Policies;

/// <summary>Thrown when a policy is not valid. <see cref="Problems"/> lists every problem, not only the first.</summary>
public sealed class EcomPolicyException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem, one sentence each.</param>
    public EcomPolicyException(IReadOnlyList<string> problems)
        : base($"The policy is not valid ({problems?.Count ?? 0} problem(s)):{Environment.NewLine}- "
            + string.Join(Environment.NewLine + "- ", problems ?? []))
    {
        Problems = problems ?? [];
    }

    /// <summary>Gets every problem, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}

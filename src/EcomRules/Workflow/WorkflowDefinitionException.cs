namespace EcomRules.Workflow;

/// <summary>
/// Thrown by <see cref="WorkflowBuilder{TState, TTrigger, TContext}.Build"/> when the configuration is not a valid
/// workflow. <see cref="Problems"/> lists every problem found, not only the first.
/// </summary>
public sealed class WorkflowDefinitionException : InvalidOperationException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="workflowName">The workflow's name.</param>
    /// <param name="problems">Every problem, one sentence each.</param>
    public WorkflowDefinitionException(string workflowName, IReadOnlyList<string> problems)
        : base(Format(workflowName, problems))
    {
        WorkflowName = workflowName;
        Problems = problems;
    }

    /// <summary>Gets the workflow's name.</summary>
    public string WorkflowName { get; }

    /// <summary>Gets every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(string workflowName, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"The workflow '{workflowName}' is not valid ({problems.Count} problem(s)):{Environment.NewLine}- "
            + string.Join(Environment.NewLine + "- ", problems);
    }
}

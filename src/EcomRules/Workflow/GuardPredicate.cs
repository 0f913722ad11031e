namespace EcomRules.Workflow;

/// <summary>
/// The test a <see cref="WorkflowGuard{TContext}"/> applies. It must be a pure function of the context: no I/O, no
/// clock, no mutation, so that firing stays a pure lookup.
/// </summary>
/// <typeparam name="TContext">The data the guard looks at.</typeparam>
/// <param name="context">The context, passed by reference without a copy.</param>
/// <returns>Whether the transition is allowed.</returns>
public delegate bool GuardPredicate<TContext>(in TContext context);

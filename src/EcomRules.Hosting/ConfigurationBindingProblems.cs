using System.Runtime.CompilerServices;

namespace EcomRules.Hosting;

/// <summary>
/// The values that could not be read when <see cref="EcomRulesOptions"/> were bound from configuration, kept per
/// options instance so that start-up validation reports them with every other problem.
/// </summary>
internal sealed class ConfigurationBindingProblems
{
    private readonly ConditionalWeakTable<EcomRulesOptions, IReadOnlyList<string>> _problems = [];

    /// <summary>Records the problems of binding <paramref name="options"/> (replacing any earlier ones).</summary>
    public void Set(EcomRulesOptions options, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            _problems.Remove(options);
        }
        else
        {
            _problems.AddOrUpdate(options, problems);
        }
    }

    /// <summary>Gets the problems of binding <paramref name="options"/>; empty when every value was read.</summary>
    public IReadOnlyList<string> For(EcomRulesOptions options) => _problems.TryGetValue(options, out var problems) ? problems : [];
}

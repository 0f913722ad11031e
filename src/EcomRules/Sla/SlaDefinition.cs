using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Calendars;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Sla;

/// <summary>
/// An SLA: its id, the rule it enforces, its goal as a <see cref="Deadline"/>, the time it is measured on and its
/// warning thresholds (SLA-8). Immutable. The built-in SLAs are on <see cref="SlaDefinitions"/>.
/// </summary>
/// <remarks>
/// The goal's due instant, computed from the start of a cycle, fixes the budget: the measured time (working or
/// elapsed) between the start and that instant. Pauses shift the breach instant by not consuming budget.
/// </remarks>
public sealed class SlaDefinition
{
    /// <summary>Creates an SLA definition.</summary>
    /// <param name="id">The SLA's id, e.g. "SLA-1".</param>
    /// <param name="ruleId">The rule it enforces.</param>
    /// <param name="description">What must happen, as a sentence.</param>
    /// <param name="goal">When it is due.</param>
    /// <param name="basis">What time it is measured on. The default is <see cref="SlaTimeBasis.WorkingTime"/>.</param>
    /// <param name="warningThresholds">Fractions of the goal that raise a warning, each in (0, 1), ascending; exact decimals, so
    /// 0.5 is exactly one half (SLA-8). The default is 0.5 and 0.75.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException">The id or description is blank, or the thresholds are not in (0, 1) or not strictly ascending.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is not defined.</exception>
    public SlaDefinition(string id, RuleId ruleId, string description, Deadline goal, SlaTimeBasis basis = SlaTimeBasis.WorkingTime, IEnumerable<decimal>? warningThresholds = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Description = Preconditions.CheckNotBlank(description);
        Goal = Preconditions.CheckNotNull(goal);
        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Use WorkingTime or ElapsedTime.");
        }

        RuleId = ruleId;
        Basis = basis;
        WarningThresholds = ValidateThresholds(warningThresholds ?? DefaultWarningThresholds);
    }

    /// <summary>Gets the default warning thresholds: 50 % and 75 % of the goal.</summary>
    public static ImmutableArray<decimal> DefaultWarningThresholds { get; } = [0.5m, 0.75m];

    /// <summary>Gets the SLA's id.</summary>
    public string Id { get; }

    /// <summary>Gets the rule it enforces.</summary>
    public RuleId RuleId { get; }

    /// <summary>Gets what must happen.</summary>
    public string Description { get; }

    /// <summary>Gets when it is due.</summary>
    public Deadline Goal { get; }

    /// <summary>Gets what time it is measured on.</summary>
    /// <value>The default is <see cref="SlaTimeBasis.WorkingTime"/>.</value>
    public SlaTimeBasis Basis { get; }

    /// <summary>Gets the warning thresholds, ascending.</summary>
    /// <value>The default is 0.5 and 0.75.</value>
    public ImmutableArray<decimal> WarningThresholds { get; }

    /// <summary>Returns this definition with other warning thresholds.</summary>
    /// <param name="thresholds">Fractions in (0, 1), strictly ascending; none for no warnings.</param>
    /// <returns>The new definition.</returns>
    /// <exception cref="ArgumentException">A threshold is outside (0, 1), or they are not strictly ascending.</exception>
    public SlaDefinition WithWarningThresholds(params IEnumerable<decimal> thresholds)
        => new(Id, RuleId, Description, Goal, Basis, Preconditions.CheckNotNull(thresholds));

    /// <summary>Returns this definition with another goal and basis.</summary>
    /// <param name="goal">When it is due.</param>
    /// <param name="basis">What time it is measured on.</param>
    /// <returns>The new definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="goal"/> is null.</exception>
    public SlaDefinition WithGoal(Deadline goal, SlaTimeBasis basis) => new(Id, RuleId, Description, goal, basis, WarningThresholds);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id}: {Goal} ({Basis})");

    private static ImmutableArray<decimal> ValidateThresholds(IEnumerable<decimal> thresholds)
    {
        var array = thresholds.ToImmutableArray();
        for (var i = 0; i < array.Length; i++)
        {
            Preconditions.CheckArgument(array[i] is > 0 and < 1, "warningThresholds",
                $"The warning threshold {array[i]} is not strictly between 0 and 1; use e.g. 0.5 for 50 %.");
            Preconditions.CheckArgument(i == 0 || array[i] > array[i - 1], "warningThresholds",
                "Warning thresholds must be strictly ascending, e.g. 0.5 then 0.75.");
        }

        return array;
    }
}

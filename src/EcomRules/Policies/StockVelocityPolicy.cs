using EcomRules.Internal;

namespace EcomRules.Policies;

/// <summary>
/// How items are classed by sales velocity to guide replenishment (WH-7): the average units shipped per week over the
/// last <see cref="Weeks"/> weeks; at or above <see cref="FastMoverWeeklySales"/> an item is a fast mover, at or below
/// <see cref="SlowMoverWeeklySales"/> a slow mover, in between a regular one.
/// </summary>
public sealed class StockVelocityPolicy
{
    /// <summary>Creates the thresholds.</summary>
    /// <param name="weeks">How many weeks the average runs over: 1..52.</param>
    /// <param name="fastMoverWeeklySales">Units per week from which an item is a fast mover; above <paramref name="slowMoverWeeklySales"/>.</param>
    /// <param name="slowMoverWeeklySales">Units per week up to which an item is a slow mover; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range, or the fast threshold is not above the slow one.</exception>
    public StockVelocityPolicy(int weeks, decimal fastMoverWeeklySales, decimal slowMoverWeeklySales)
    {
        Weeks = Preconditions.CheckArgumentRange(weeks, 1, 52);
        if (slowMoverWeeklySales < 0 || fastMoverWeeklySales <= slowMoverWeeklySales)
        {
            throw new ArgumentOutOfRangeException(nameof(fastMoverWeeklySales), fastMoverWeeklySales,
                $"The fast-mover threshold must be above the slow-mover threshold ({slowMoverWeeklySales}), which is zero or more (WH-7).");
        }

        FastMoverWeeklySales = fastMoverWeeklySales;
        SlowMoverWeeklySales = slowMoverWeeklySales;
    }

    /// <summary>Gets the default: over 4 weeks, 20 units a week or more is fast, 2 or fewer is slow.</summary>
    public static StockVelocityPolicy Default { get; } = new(4, 20m, 2m);

    /// <summary>Gets how many weeks the average runs over.</summary>
    /// <value>The default is 4.</value>
    public int Weeks { get; }

    /// <summary>Gets the units per week from which an item is a fast mover.</summary>
    /// <value>The default is 20.</value>
    public decimal FastMoverWeeklySales { get; }

    /// <summary>Gets the units per week up to which an item is a slow mover.</summary>
    /// <value>The default is 2.</value>
    public decimal SlowMoverWeeklySales { get; }

    /// <inheritdoc />
    public override string ToString() => $"over {Weeks} weeks: fast ≥ {FastMoverWeeklySales}/week, slow ≤ {SlowMoverWeeklySales}/week";
}

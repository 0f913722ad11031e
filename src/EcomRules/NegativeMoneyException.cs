using System.Globalization;

namespace EcomRules;

/// <summary>
/// Thrown when a subtraction of <see cref="Money"/> would go below zero, which no amount can.
/// </summary>
public sealed class NegativeMoneyException : InvalidOperationException
{
    /// <summary>Creates the exception for the two amounts.</summary>
    /// <param name="minuend">The amount subtracted from.</param>
    /// <param name="subtrahend">The larger amount that was subtracted.</param>
    public NegativeMoneyException(Money minuend, Money subtrahend)
        : base(string.Create(CultureInfo.InvariantCulture, $"Cannot subtract {subtrahend} from {minuend}: money is never negative."))
    {
        Minuend = minuend;
        Subtrahend = subtrahend;
    }

    /// <summary>Gets the amount subtracted from.</summary>
    public Money Minuend { get; }

    /// <summary>Gets the larger amount that was subtracted.</summary>
    public Money Subtrahend { get; }
}

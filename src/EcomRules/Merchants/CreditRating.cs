using System.Globalization;

namespace EcomRules.Merchants;

/// <summary>A merchant's public credit rating (MER-3): a score from 0 to 100 and its grade.</summary>
public readonly record struct CreditRating
{
    private CreditRating(int score) => Score = score;

    /// <summary>Gets the score, 0 to 100.</summary>
    public int Score { get; }

    /// <summary>Gets the grade: A from 90, B from 75, C from 60, else D.</summary>
    public CreditGrade Grade => Score switch
    {
        >= 90 => CreditGrade.A,
        >= 75 => CreditGrade.B,
        >= 60 => CreditGrade.C,
        _ => CreditGrade.D,
    };

    /// <summary>Creates a rating from a score.</summary>
    /// <param name="score">The score, 0 to 100.</param>
    /// <returns>The rating.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0 to 100.</exception>
    public static CreditRating FromScore(int score)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, MerchantRecord.FullScore);
        return new(score);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Grade} ({Score})");
}

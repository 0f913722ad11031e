using EcomRules.Internal;

namespace EcomRules.Policies;

/// <summary>
/// Return and exchange windows (RET-2), in calendar days counted from the day after receipt: a request later than
/// its window is not accepted.
/// </summary>
public sealed class ReturnWindowPolicy
{
    /// <summary>Creates the windows.</summary>
    /// <param name="noReasonReturnDays">Days for a return without a merchant fault ("no reason").</param>
    /// <param name="exchangeDays">Days for an exchange.</param>
    /// <param name="qualityProblemDays">Days for a return or exchange for a quality problem (or another merchant fault).</param>
    /// <exception cref="ArgumentOutOfRangeException">A window is outside 1..365 days.</exception>
    public ReturnWindowPolicy(int noReasonReturnDays, int exchangeDays, int qualityProblemDays)
    {
        NoReasonReturnDays = Preconditions.CheckArgumentRange(noReasonReturnDays, 1, 365);
        ExchangeDays = Preconditions.CheckArgumentRange(exchangeDays, 1, 365);
        QualityProblemDays = Preconditions.CheckArgumentRange(qualityProblemDays, 1, 365);
    }

    /// <summary>Gets the retail platform's windows: 7 days no-reason return, 15 days exchange, 7 days quality (RET-2).</summary>
    public static ReturnWindowPolicy RetailPlatform { get; } = new(7, 15, 7);

    /// <summary>Gets the parts distributor's windows: 5 days for any reason (RET-2).</summary>
    public static ReturnWindowPolicy PartsDistributor { get; } = new(5, 5, 5);

    /// <summary>Gets the days for a return without merchant fault.</summary>
    public int NoReasonReturnDays { get; }

    /// <summary>Gets the days for an exchange.</summary>
    public int ExchangeDays { get; }

    /// <summary>Gets the days for a quality problem or another merchant fault.</summary>
    public int QualityProblemDays { get; }

    /// <summary>Gets the longest window: an order completes when it has closed with no open return (ORD-1).</summary>
    public int LongestDays => Math.Max(NoReasonReturnDays, Math.Max(ExchangeDays, QualityProblemDays));

    /// <inheritdoc />
    public override string ToString() => $"returns {NoReasonReturnDays} d, exchanges {ExchangeDays} d, quality {QualityProblemDays} d";
}

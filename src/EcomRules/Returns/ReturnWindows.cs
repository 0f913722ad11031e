using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// Which window of <see cref="ReturnWindowPolicy"/> applies to a request (RET-2), and its last day. Windows are
/// calendar days in the merchant's zone counted from the day after receipt (day 1 is the day after receipt), so a
/// make-up working day or a holiday inside the window counts like any other day.
/// <list type="table">
/// <listheader><term>kind, reason</term><description>window (retail / parts distributor)</description></listheader>
/// <item><term>Exchange, any reason</term><description><see cref="ReturnWindowPolicy.ExchangeDays"/> (15 / 5)</description></item>
/// <item><term>Return or Repair, merchant fault (not as described, wrong or missing, damaged, quality)</term><description><see cref="ReturnWindowPolicy.QualityProblemDays"/> (7 / 5)</description></item>
/// <item><term>Return, Other ("no reason")</term><description><see cref="ReturnWindowPolicy.NoReasonReturnDays"/> (7 / 5)</description></item>
/// <item><term>Repair, Other</term><description>not allowed: repair is for merchant faults (RET-5)</description></item>
/// </list>
/// </summary>
public static class ReturnWindows
{
    /// <summary>Gets whether <paramref name="reason"/> is the merchant's fault (RET-6): every reason but <see cref="ReturnReason.Other"/>.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>True for a merchant fault.</returns>
    public static bool IsMerchantFault(ReturnReason reason) => reason != ReturnReason.Other;

    /// <summary>Gets the window's length in days for a request (RET-2).</summary>
    /// <param name="policy">The windows.</param>
    /// <param name="kind">What is asked for.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The days.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static int DaysFor(ReturnWindowPolicy policy, ReturnKind kind, ReturnReason reason)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return kind == ReturnKind.Exchange ? policy.ExchangeDays
            : IsMerchantFault(reason) ? policy.QualityProblemDays
            : policy.NoReasonReturnDays;
    }

    /// <summary>Gets the last day a request may be made (RET-2): the day of receipt plus the window's days.</summary>
    /// <param name="policy">The windows.</param>
    /// <param name="kind">What is asked for.</param>
    /// <param name="reason">Why.</param>
    /// <param name="receivedOn">The day the customer signed for the order, in the merchant's zone.</param>
    /// <returns>The last day; a request on it is accepted, the day after refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static LocalDate LastDay(ReturnWindowPolicy policy, ReturnKind kind, ReturnReason reason, LocalDate receivedOn)
        => receivedOn.PlusDays(DaysFor(policy, kind, reason));
}

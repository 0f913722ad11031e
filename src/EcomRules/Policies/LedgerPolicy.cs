using System.Globalization;
using EcomRules.Calendars;
using NodaTime;

namespace EcomRules.Policies;

/// <summary>
/// When the ledgers close (FIN-1, FIN-2): the daily sales ledger of a working day at <see cref="DailyLedgerTime"/> on
/// the first working day after it, and the monthly settlement on <see cref="SettlementDay"/> of each month, moved by
/// <see cref="Shift"/> when that day is not a working day. Every day is a day of the policy's working calendar in its
/// zone (Asia/Shanghai by default). Immutable.
/// </summary>
public sealed class LedgerPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="dailyLedgerTime">The time of day the daily ledger is produced (FIN-1).</param>
    /// <param name="settlementDay">The day of the month the settlement closes, 1 to 28 (FIN-2).</param>
    /// <param name="shift">Where the settlement moves when that day is not a working day (FIN-2).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="settlementDay"/> is outside 1..28, or <paramref name="shift"/> is not defined.</exception>
    public LedgerPolicy(LocalTime dailyLedgerTime, int settlementDay = 25, SettlementShift shift = SettlementShift.PreviousWorkingDay)
    {
        if (settlementDay is < 1 or > 28)
        {
            // Every month has the day, so the settlement never falls into the next month by the length of a month.
            throw new ArgumentOutOfRangeException(nameof(settlementDay), settlementDay, "The settlement day must be between 1 and 28 (FIN-2).");
        }

        if (!Enum.IsDefined(shift))
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "The settlement shift must be PreviousWorkingDay or NextWorkingDay (FIN-2).");
        }

        DailyLedgerTime = dailyLedgerTime;
        SettlementDay = settlementDay;
        Shift = shift;
    }

    /// <summary>Gets the catalogue's defaults: the daily ledger at 09:00, the settlement on the 25th, moved to the previous working day.</summary>
    public static LedgerPolicy Default { get; } = new(new LocalTime(9, 0));

    /// <summary>Gets the time of day the daily ledger of the previous working day is produced (FIN-1).</summary>
    /// <value>The default is 09:00.</value>
    public LocalTime DailyLedgerTime { get; }

    /// <summary>Gets the day of the month the settlement closes (FIN-2).</summary>
    /// <value>The default is 25.</value>
    public int SettlementDay { get; }

    /// <summary>Gets where the settlement moves when <see cref="SettlementDay"/> is not a working day (FIN-2).</summary>
    /// <value>The default is <see cref="SettlementShift.PreviousWorkingDay"/>.</value>
    public SettlementShift Shift { get; }

    /// <summary>The working day whose ledger holds what happened on <paramref name="date"/>: the date itself, or the next working day after a rest day (FIN-1: nothing paid on a Sunday is left out).</summary>
    /// <param name="date">The local date of a payment, refund or cancellation.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <returns>The ledger day.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static LocalDate LedgerDayOf(LocalDate date, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.IsWorkingDay(date) ? date : calendar.NextWorkingDay(date);
    }

    /// <summary>When the ledger of working day <paramref name="day"/> is produced: <see cref="DailyLedgerTime"/> on the first working day after it (FIN-1).</summary>
    /// <param name="day">The ledger's working day.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public Instant DailyLedgerDue(LocalDate day, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.InstantOf(calendar.NextWorkingDay(day), DailyLedgerTime);
    }

    /// <summary>The day the settlement of <paramref name="month"/> closes: <see cref="SettlementDay"/>, or the working day <see cref="Shift"/> names when it is not one (FIN-2).</summary>
    /// <param name="month">The month.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <returns>The settlement date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public LocalDate SettlementDate(YearMonth month, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = month.OnDayOfMonth(SettlementDay);
        if (calendar.IsWorkingDay(day))
        {
            return day;
        }

        return Shift == SettlementShift.PreviousWorkingDay ? calendar.PreviousWorkingDay(day) : calendar.NextWorkingDay(day);
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"Daily ledger at {DailyLedgerTime:HH:mm}; settlement on the {SettlementDay}th, else the {(Shift == SettlementShift.PreviousWorkingDay ? "previous" : "next")} working day");
}

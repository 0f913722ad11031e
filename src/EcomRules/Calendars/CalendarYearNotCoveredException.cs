using System.Globalization;

namespace EcomRules.Calendars;

/// <summary>
/// Thrown when a date or instant falls in a year the calendar has no public-holiday data for. An unknown year is
/// never treated as ordinary weeks (DSP-1): add the year's State Council notice with
/// <see cref="PublicHolidayCalendar.WithYear(PublicHolidayYear)"/> and rebuild the working calendar.
/// </summary>
public sealed class CalendarYearNotCoveredException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for a year outside the covered range.</summary>
    /// <param name="year">The year that was asked for.</param>
    /// <param name="firstCoveredYear">The first year with data.</param>
    /// <param name="lastCoveredYear">The last year with data.</param>
    public CalendarYearNotCoveredException(int year, int firstCoveredYear, int lastCoveredYear)
        : base(null, string.Create(CultureInfo.InvariantCulture,
            $"The calendar has no public-holiday data for {year}; it covers {firstCoveredYear}–{lastCoveredYear}. Add {year} from the State Council notice with PublicHolidayCalendar.WithYear(...) and rebuild the working calendar."))
    {
        Year = year;
        FirstCoveredYear = firstCoveredYear;
        LastCoveredYear = lastCoveredYear;
    }

    /// <summary>Gets the year that was asked for.</summary>
    public int Year { get; }

    /// <summary>Gets the first covered year.</summary>
    public int FirstCoveredYear { get; }

    /// <summary>Gets the last covered year.</summary>
    public int LastCoveredYear { get; }
}

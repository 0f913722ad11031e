using System.Globalization;

namespace EcomRules.Calendars;

/// <summary>
/// Thrown when a date or instant falls in a year the calendar has no public-holiday data for. An unknown year is
/// never silently treated as ordinary weeks (DSP-1): add the year's State Council notice (configuration section
/// <c>EcomRules:Calendar:Years</c>, or <see cref="Policies.EcomPolicy.WithHolidayYear(PublicHolidayYear, bool)"/>).
/// <see cref="Engine.EcomEngine"/> never lets it escape: it answers with a decision (see <see cref="UncoveredYears"/>).
/// </summary>
public sealed class CalendarYearNotCoveredException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for a year outside the covered range.</summary>
    /// <param name="year">The year that was asked for.</param>
    /// <param name="firstCoveredYear">The first year with data.</param>
    /// <param name="lastCoveredYear">The last year with data.</param>
    public CalendarYearNotCoveredException(int year, int firstCoveredYear, int lastCoveredYear)
        : base(null, string.Create(CultureInfo.InvariantCulture,
            $"The calendar has no public-holiday data for {year}; it covers {firstCoveredYear}–{lastCoveredYear}. Add {year} from the State Council notice (国务院办公厅关于{year}年部分节假日安排的通知) to the configuration section EcomRules:Calendar:Years, or with EcomPolicy.WithHolidayYear(...)."))
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

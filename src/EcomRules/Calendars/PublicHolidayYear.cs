using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// One year of China's statutory holidays and make-up working days (调休), with the State Council notice they come
/// from (DSP-1). Immutable.
/// </summary>
public sealed class PublicHolidayYear
{
    /// <summary>Creates a year of public-holiday facts.</summary>
    /// <param name="year">The Gregorian year, 1900–2999.</param>
    /// <param name="notice">The notice the dates come from, e.g. "国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号)".</param>
    /// <param name="daysOff">Every statutory day off of the year, weekends inside a holiday block included.</param>
    /// <param name="makeUpWorkdays">Every make-up working day: a Saturday or Sunday declared a working day.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2999.</exception>
    /// <exception cref="ArgumentException"><paramref name="notice"/> is blank, a date is in another year or listed twice,
    /// or a make-up day is also a day off.</exception>
    public PublicHolidayYear(int year, string notice, IEnumerable<LocalDate> daysOff, IEnumerable<LocalDate> makeUpWorkdays)
    {
        Preconditions.CheckArgumentRange(year, 1900, 2999);
        Preconditions.CheckNotBlank(notice);
        Preconditions.CheckNotNull(daysOff);
        Preconditions.CheckNotNull(makeUpWorkdays);
        DaysOff = Validate(year, daysOff, nameof(daysOff));
        MakeUpWorkdays = Validate(year, makeUpWorkdays, nameof(makeUpWorkdays));
        foreach (var day in MakeUpWorkdays)
        {
            Preconditions.CheckArgument(DaysOff.BinarySearch(day) < 0, nameof(makeUpWorkdays),
                $"{day:uuuu-MM-dd} is listed both as a day off and as a make-up working day of {year}; check the notice.");
        }

        Year = year;
        Notice = notice;
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the notice the dates come from.</summary>
    public string Notice { get; }

    /// <summary>Gets the days off, in ascending order.</summary>
    public ImmutableArray<LocalDate> DaysOff { get; }

    /// <summary>Gets the make-up working days, in ascending order.</summary>
    public ImmutableArray<LocalDate> MakeUpWorkdays { get; }

    /// <summary>Gets whether <paramref name="date"/> is a statutory day off of this year.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is a day off.</returns>
    public bool IsDayOff(LocalDate date) => DaysOff.BinarySearch(date) >= 0;

    /// <summary>Gets whether <paramref name="date"/> is a make-up working day of this year.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is a make-up working day.</returns>
    public bool IsMakeUpWorkday(LocalDate date) => MakeUpWorkdays.BinarySearch(date) >= 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}: {Notice}");

    private static ImmutableArray<LocalDate> Validate(int year, IEnumerable<LocalDate> dates, string paramName)
    {
        var sorted = dates.Order().ToImmutableArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            Preconditions.CheckArgument(sorted[i].Year == year, paramName,
                $"{sorted[i]:uuuu-MM-dd} is not in {year}; every date of a public-holiday year must be in that year.");
            Preconditions.CheckArgument(i == 0 || sorted[i - 1] != sorted[i], paramName,
                $"{sorted[i]:uuuu-MM-dd} is listed twice.");
        }

        return sorted;
    }
}

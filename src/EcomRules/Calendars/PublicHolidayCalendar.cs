using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// Public calendar facts: China's statutory days off and make-up working days (调休) for a contiguous range of
/// years (DSP-1). A query outside the range throws <see cref="CalendarYearNotCoveredException"/>; an unknown year
/// is never treated as ordinary weeks. Immutable and thread-safe. <see cref="ChinaPublicHolidays.Default"/> ships
/// 2025 and 2026; add later years from your own data with <see cref="WithYear(PublicHolidayYear)"/>.
/// </summary>
public sealed class PublicHolidayCalendar
{
    private readonly ImmutableSortedDictionary<int, PublicHolidayYear> _years;

    /// <summary>Creates a calendar from one or more contiguous years.</summary>
    /// <param name="years">The years; no gaps, no year twice.</param>
    /// <exception cref="ArgumentNullException"><paramref name="years"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="years"/> is empty, lists a year twice or leaves a gap.</exception>
    public PublicHolidayCalendar(IEnumerable<PublicHolidayYear> years)
    {
        Preconditions.CheckNotNull(years);
        var builder = ImmutableSortedDictionary.CreateBuilder<int, PublicHolidayYear>();
        foreach (var year in years)
        {
            Preconditions.CheckNotNull(year, nameof(years));
            Preconditions.CheckArgument(!builder.ContainsKey(year.Year), nameof(years),
                string.Create(CultureInfo.InvariantCulture, $"The year {year.Year} is listed twice."));
            builder.Add(year.Year, year);
        }

        Preconditions.CheckArgument(builder.Count > 0, nameof(years), "A public-holiday calendar needs at least one year.");
        var first = builder.Keys.First();
        var last = builder.Keys.Last();
        Preconditions.CheckArgument(last - first + 1 == builder.Count, nameof(years),
            string.Create(CultureInfo.InvariantCulture, $"The years must be contiguous; {first}–{last} has gaps. Add the missing years."));
        _years = builder.ToImmutable();
        FirstYear = first;
        LastYear = last;
    }

    /// <summary>Gets the first covered year.</summary>
    public int FirstYear { get; }

    /// <summary>Gets the last covered year.</summary>
    public int LastYear { get; }

    /// <summary>Gets the covered years, in ascending order.</summary>
    public IReadOnlyList<PublicHolidayYear> Years => [.. _years.Values];

    /// <summary>Gets whether the calendar has data for <paramref name="year"/>.</summary>
    /// <param name="year">The year.</param>
    /// <returns>Whether the year is covered.</returns>
    public bool Covers(int year) => _years.ContainsKey(year);

    /// <summary>Gets the facts of one year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The year's facts.</returns>
    /// <exception cref="CalendarYearNotCoveredException">The year is not covered.</exception>
    public PublicHolidayYear GetYear(int year)
        => _years.TryGetValue(year, out var facts) ? facts : throw new CalendarYearNotCoveredException(year, FirstYear, LastYear);

    /// <summary>Gets whether <paramref name="date"/> is a statutory day off.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is a day off.</returns>
    /// <exception cref="CalendarYearNotCoveredException">The date's year is not covered.</exception>
    public bool IsDayOff(LocalDate date) => GetYear(date.Year).IsDayOff(date);

    /// <summary>Gets whether <paramref name="date"/> is a make-up working day (调休).</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is a make-up working day.</returns>
    /// <exception cref="CalendarYearNotCoveredException">The date's year is not covered.</exception>
    public bool IsMakeUpWorkday(LocalDate date) => GetYear(date.Year).IsMakeUpWorkday(date);

    /// <summary>A short, stable hash of every year's data: the same calendar gives the same text (idempotent recomputation).</summary>
    internal string DataHash()
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('-', _years.Values.Select(y => y.DatesHash())))), 0, 8);

    /// <summary>Returns a calendar with <paramref name="year"/> added, or replaced if already covered.</summary>
    /// <param name="year">The year's facts, adjacent to or inside the covered range.</param>
    /// <returns>The new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="year"/> is null.</exception>
    /// <exception cref="ArgumentException">The year would leave a gap in the covered range.</exception>
    public PublicHolidayCalendar WithYear(PublicHolidayYear year)
    {
        Preconditions.CheckNotNull(year);
        return new PublicHolidayCalendar(_years.SetItem(year.Year, year).Values);
    }
}

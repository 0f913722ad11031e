using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// One year of China's statutory holidays and make-up working days (调休), with the State Council notice they come
/// from (DSP-1). Immutable.
/// </summary>
/// <remarks>
/// A year is data, not code: a merchant adds next year's notice (published each late autumn as
/// 国务院办公厅关于20XX年部分节假日安排的通知) from configuration or with
/// <see cref="Policies.EcomPolicy.WithHolidayYear(PublicHolidayYear, bool)"/>, without a new release.
/// </remarks>
public sealed class PublicHolidayYear
{
    /// <summary>The first year a public-holiday year may describe.</summary>
    public const int MinYear = 1900;

    /// <summary>The last year a public-holiday year may describe.</summary>
    public const int MaxYear = 2999;

    /// <summary>Creates a year of public-holiday facts.</summary>
    /// <param name="year">The Gregorian year, 1900–2999.</param>
    /// <param name="notice">The notice's title, e.g. "国务院办公厅关于2026年部分节假日安排的通知".</param>
    /// <param name="daysOff">Every statutory day off of the year, weekends inside a holiday block included.</param>
    /// <param name="makeUpWorkdays">Every make-up working day: a Saturday or Sunday declared a working day.</param>
    /// <param name="noticeNumber">The notice's document number, e.g. "国办发明电〔2025〕7号"; null when not known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="daysOff"/> or <paramref name="makeUpWorkdays"/> is null.</exception>
    /// <exception cref="ArgumentException">The data is not a valid year; the message lists every problem (see
    /// <see cref="Check"/>).</exception>
    public PublicHolidayYear(int year, string notice, IEnumerable<LocalDate> daysOff, IEnumerable<LocalDate> makeUpWorkdays, string? noticeNumber = null)
    {
        Preconditions.CheckNotNull(daysOff);
        Preconditions.CheckNotNull(makeUpWorkdays);
        DaysOff = daysOff.Order().ToImmutableArray();
        MakeUpWorkdays = makeUpWorkdays.Order().ToImmutableArray();
        var problems = Check(year, notice, DaysOff, MakeUpWorkdays);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), problems[0].Contains("make-up", StringComparison.Ordinal) ? nameof(makeUpWorkdays) : nameof(daysOff));
        }

        Year = year;
        Notice = notice;
        NoticeNumber = string.IsNullOrWhiteSpace(noticeNumber) ? null : noticeNumber.Trim();
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the notice's title the dates come from.</summary>
    public string Notice { get; }

    /// <summary>Gets the notice's document number (文号), or null when not given.</summary>
    public string? NoticeNumber { get; }

    /// <summary>Gets the days off, in ascending order.</summary>
    public ImmutableArray<LocalDate> DaysOff { get; }

    /// <summary>Gets the make-up working days, in ascending order.</summary>
    public ImmutableArray<LocalDate> MakeUpWorkdays { get; }

    /// <summary>Gets the notice as it is cited in audit entries: its title and, when known, its number.</summary>
    public string Citation => NoticeNumber is null ? Notice : $"{Notice} ({NoticeNumber})";

    /// <summary>
    /// Lists every problem with a year's data, or none (DSP-1): the year is in 1900–2999; the notice is named; every
    /// date is in that year and listed once; every make-up working day is a Saturday or Sunday (a weekday is a working
    /// day anyway, so a weekday "make-up day" is a typing error); no date is both a day off and a make-up day.
    /// </summary>
    /// <param name="year">The year.</param>
    /// <param name="notice">The notice's title.</param>
    /// <param name="daysOff">The days off.</param>
    /// <param name="makeUpWorkdays">The make-up working days.</param>
    /// <returns>The problems, each a sentence; empty when the data is valid.</returns>
    public static IReadOnlyList<string> Check(int year, string? notice, IEnumerable<LocalDate>? daysOff, IEnumerable<LocalDate>? makeUpWorkdays)
    {
        var problems = new List<string>();
        if (year is < MinYear or > MaxYear)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"The year {year} is outside {MinYear}–{MaxYear}."));
        }

        if (string.IsNullOrWhiteSpace(notice))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"The year {year} names no notice; give the State Council notice the dates come from (DSP-1)."));
        }

        var off = (daysOff ?? []).Order().ToArray();
        var makeUp = (makeUpWorkdays ?? []).Order().ToArray();
        CheckDates(year, off, "day off", problems);
        CheckDates(year, makeUp, "make-up working day", problems);
        foreach (var day in makeUp.Distinct())
        {
            if (day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"The make-up working day {day:uuuu-MM-dd} is a {day.DayOfWeek}; a make-up day (调休) is a Saturday or Sunday declared a working day."));
            }

            if (Array.BinarySearch(off, day) >= 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{day:uuuu-MM-dd} is listed both as a day off and as a make-up working day of {year}; check the notice."));
            }
        }

        return problems;
    }

    /// <summary>Gets whether <paramref name="date"/> is a statutory day off of this year.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is a day off.</returns>
    public bool IsDayOff(LocalDate date) => DaysOff.BinarySearch(date) >= 0;

    /// <summary>Gets whether <paramref name="date"/> is a make-up working day of this year.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is a make-up working day.</returns>
    public bool IsMakeUpWorkday(LocalDate date) => MakeUpWorkdays.BinarySearch(date) >= 0;

    /// <summary>Gets whether <paramref name="other"/> describes the same year with the same dates (notices aside).</summary>
    /// <param name="other">The other year.</param>
    /// <returns>Whether the dates are the same.</returns>
    public bool HasSameDates(PublicHolidayYear? other)
        => other is not null && other.Year == Year && other.DaysOff.SequenceEqual(DaysOff) && other.MakeUpWorkdays.SequenceEqual(MakeUpWorkdays);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}: {Citation}");

    /// <summary>A short, stable hash of the year's data (dates and citation): the same data gives the same text (idempotent recomputation).</summary>
    internal string DatesHash()
    {
        var text = new StringBuilder().Append(Year.ToString(CultureInfo.InvariantCulture)).Append('|').Append(Citation).Append('|');
        foreach (var day in DaysOff)
        {
            text.Append(day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)).Append(',');
        }

        text.Append('|');
        foreach (var day in MakeUpWorkdays)
        {
            text.Append(day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)).Append(',');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 8);
    }

    private static void CheckDates(int year, LocalDate[] sorted, string what, List<string> problems)
    {
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Year != year)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"The {what} {sorted[i]:uuuu-MM-dd} is not in {year}; every date of a public-holiday year must be in that year."));
            }
            else if (i > 0 && sorted[i - 1] == sorted[i])
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"The {what} {sorted[i]:uuuu-MM-dd} is listed twice."));
            }
        }
    }
}

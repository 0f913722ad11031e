using System.Globalization;
using EcomRules.Calendars;
using NodaTime;
using NodaTime.Text;

namespace EcomRules.Hosting;

/// <summary>
/// Turns <see cref="EcomCalendarOptions.Years"/> into <see cref="PublicHolidayYear"/> facts, listing every problem at
/// once (DSP-1): dates that cannot be read, an empty notice, a weekday make-up day, a date both off and make-up, a year
/// listed twice, years that leave a gap next to the built-in ones, a built-in year changed without <c>Override</c>.
/// </summary>
internal static class HolidayYearReader
{
    private const string Section = "EcomRules:Calendar:Years";

    /// <summary>Reads the configured years against the built-in calendar; the years are null when there is any problem.</summary>
    public static (IReadOnlyList<(PublicHolidayYear Year, bool Override)>? Years, IReadOnlyList<string> Problems) Read(EcomCalendarOptions? options, PublicHolidayCalendar builtIn)
    {
        var problems = new List<string>();
        var years = new List<(PublicHolidayYear, bool)>();
        var configured = options?.Years ?? [];
        for (var i = 0; i < configured.Count; i++)
        {
            var entry = configured[i];
            var where = entry is null ? $"{Section}:{i}" : string.Create(CultureInfo.InvariantCulture, $"{Section}:{i} ({entry.Year})");
            if (entry is null)
            {
                problems.Add($"{where}: the entry is empty.");
                continue;
            }

            var before = problems.Count;
            var daysOff = Dates(entry.DaysOff, entry.Year, where, "DaysOff", problems);
            var makeUp = Dates(entry.MakeUpWorkdays, entry.Year, where, "MakeUpWorkdays", problems);
            problems.AddRange(PublicHolidayYear.Check(entry.Year, entry.Notice, daysOff, makeUp).Select(p => $"{where}: {p}"));
            if (years.Exists(y => y.Item1.Year == entry.Year) || configured.Take(i).Any(e => e?.Year == entry.Year))
            {
                problems.Add($"{where}: the year is listed twice.");
            }

            if (builtIn.Covers(entry.Year) && !entry.Override)
            {
                problems.Add($"{where}: {entry.Year} is built in ({builtIn.GetYear(entry.Year).Citation}); set Override: true to replace its data.");
            }

            if (problems.Count == before)
            {
                years.Add((new PublicHolidayYear(entry.Year, entry.Notice!, daysOff, makeUp, entry.NoticeNumber), entry.Override));
            }
        }

        var all = new SortedSet<int>(Enumerable.Range(builtIn.FirstYear, builtIn.LastYear - builtIn.FirstYear + 1));
        all.UnionWith(configured.Where(e => e is not null).Select(e => e!.Year).Where(y => y is >= PublicHolidayYear.MinYear and <= PublicHolidayYear.MaxYear));
        var missing = Enumerable.Range(all.Min, all.Max - all.Min + 1).Where(y => !all.Contains(y)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{Section}: the years must be contiguous with the built-in {builtIn.FirstYear}–{builtIn.LastYear}; {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing.");
        }

        return (problems.Count == 0 ? years : null, problems);
    }

    private static List<LocalDate> Dates(IList<string>? texts, int year, string where, string field, List<string> problems)
    {
        var dates = new List<LocalDate>();
        foreach (var text in texts ?? [])
        {
            var parts = (text ?? string.Empty).Split("..", 2, StringSplitOptions.TrimEntries);
            var first = LocalDatePattern.Iso.Parse(parts[0]);
            var last = parts.Length == 2 ? LocalDatePattern.Iso.Parse(parts[1]) : first;
            if (!first.Success || !last.Success)
            {
                problems.Add($"{where}:{field}: '{text}' is not a date; write yyyy-MM-dd, or yyyy-MM-dd..yyyy-MM-dd for a run of days.");
                continue;
            }

            if (last.Value < first.Value || Period.DaysBetween(first.Value, last.Value) > 366)
            {
                problems.Add($"{where}:{field}: '{text}' is not a run of days within {year}; write the earlier date first.");
                continue;
            }

            for (var day = first.Value; day <= last.Value; day = day.PlusDays(1))
            {
                dates.Add(day);
            }
        }

        return dates;
    }
}

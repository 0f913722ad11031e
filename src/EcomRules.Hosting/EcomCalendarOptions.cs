using System.ComponentModel.DataAnnotations;
using EcomRules.Calendars;

namespace EcomRules.Hosting;

/// <summary>
/// The calendar settings of a host (section <c>"EcomRules:Calendar"</c>): public-holiday years added as data, what
/// happens in a year without data, and how early the health check warns that coverage ends (DSP-1, SLA-8).
/// </summary>
public sealed class EcomCalendarOptions
{
    /// <summary>Gets or sets the years of public-holiday data added to the built-in ones (2025, 2026), contiguous with
    /// them. A year may also be added while the host runs (a configuration reload): the policy changes atomically and the
    /// provisional deadlines are recomputed.</summary>
    /// <value>The default is none.</value>
    public IList<HolidayYearOptions> Years { get; set; } = [];

    /// <summary>Gets or sets what happens when a command's instant or deadlines reach a year without data.</summary>
    /// <value>The default is <see cref="UncoveredYears.Provisional"/>.</value>
    public UncoveredYears UncoveredYears { get; set; } = UncoveredYears.Provisional;

    /// <summary>Gets or sets how many days before the last covered day the health check reports Degraded, naming the year to add.</summary>
    /// <value>The default is 60.</value>
    [Range(0, 366)]
    public int CoverageWarningDays { get; set; } = 60;
}

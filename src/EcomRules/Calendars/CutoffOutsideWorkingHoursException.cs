using System.Globalization;
using EcomRules.Inventory;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// Thrown when a dispatch cut-off (DSP-2, DSP-3) does not fall inside the working hours of the day it applies to:
/// nobody would be there to ship. Move the cut-off into the hours, or change the hours first.
/// </summary>
public sealed class CutoffOutsideWorkingHoursException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="warehouse">The warehouse.</param>
    /// <param name="cutoff">The refused cut-off.</param>
    /// <param name="day">The day it was meant for, e.g. "Monday" or "2026-02-14".</param>
    /// <param name="hours">That day's working hours.</param>
    public CutoffOutsideWorkingHoursException(WarehouseId warehouse, LocalTime cutoff, string day, WorkingHours hours)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"The dispatch cut-off {cutoff:HH:mm} of warehouse '{warehouse}' on {day} is outside that day's working hours ({hours}); choose a time inside them."))
    {
        Warehouse = warehouse;
        Cutoff = cutoff;
        Day = day;
        Hours = hours;
    }

    /// <summary>Gets the warehouse.</summary>
    public WarehouseId Warehouse { get; }

    /// <summary>Gets the refused cut-off.</summary>
    public LocalTime Cutoff { get; }

    /// <summary>Gets the day it was meant for.</summary>
    public string Day { get; }

    /// <summary>Gets that day's working hours.</summary>
    public WorkingHours Hours { get; }
}

namespace EcomRules.Calendars;

/// <summary>How the days of a dispatch deadline are counted (ORD-3).</summary>
public enum DispatchDayCount
{
    /// <summary>Calendar days: N × 24 hours after payment, whatever the calendar.</summary>
    CalendarDays = 0,

    /// <summary>Working days: the end of the N-th working day after the payment's date (DSP-1, DSP-4).</summary>
    WorkingDays = 1,
}

using System.Globalization;
using NodaTime;

namespace EcomRules.Calendars;

/// <summary>
/// A deadline relative to the working days around the start: a time on the next working day (SLA-5: 09:00), the end
/// of the same working day (SLA-7), or the DSP-5 dispatch batch the start falls in.
/// </summary>
public sealed class RelativeDeadline : Deadline
{
    private readonly Func<Instant, WorkingCalendar, Instant> _compute;
    private readonly string _description;

    private RelativeDeadline(Func<Instant, WorkingCalendar, Instant> compute, string description)
    {
        _compute = compute;
        _description = description;
    }

    internal static RelativeDeadline EndOfWorkingDayInstance { get; } = new(EndOfSameWorkingDay, "end of the working day");

    /// <inheritdoc />
    public override string ToString() => _description;

    internal static RelativeDeadline CreateNextWorkingDayAt(LocalTime time)
        => new(
            (start, calendar) => calendar.InstantOf(calendar.NextWorkingDay(calendar.DateOf(start)), time),
            string.Create(CultureInfo.InvariantCulture, $"{time:HH:mm} the next working day"));

    internal static RelativeDeadline CreateBatch(DispatchBatch batches)
        => new(batches.DueFor, batches.ToString());

    private protected override Instant Compute(Instant start, WorkingCalendar calendar) => _compute(start, calendar);

    // SLA-7: "received today is confirmed today": the end of the start's working day if work is still ahead.
    private static Instant EndOfSameWorkingDay(Instant start, WorkingCalendar calendar)
    {
        var date = calendar.DateOf(start);
        if (calendar.IsWorkingDay(date))
        {
            var end = calendar.EndOfWorkingDay(date);
            if (start < end)
            {
                return end;
            }
        }

        return calendar.EndOfWorkingDay(calendar.NextWorkingDay(date));
    }
}

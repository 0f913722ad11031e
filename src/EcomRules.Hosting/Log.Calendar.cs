using Microsoft.Extensions.Logging;

namespace EcomRules.Hosting;

// Calendar messages (1400s): coverage of the public-holiday data (DSP-1) and recomputed deadlines (SLA-8).
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Warning, "The calendar has no public-holiday data for {Year}: deadlines that reach it are computed as ordinary Mon–Sat weeks and marked provisional until the year is added (EcomRules:Calendar:Years)")]
    public static partial void ProvisionalYear(ILogger logger, int year);

    [LoggerMessage(1401, LogLevel.Information, "Calendar: public-holiday data for {Years} now in use")]
    public static partial void CalendarYearsApplied(ILogger logger, string years);

    [LoggerMessage(1402, LogLevel.Information, "Calendar {Year}: {Aggregates} aggregate(s) looked at, {Changed} with provisional deadlines recomputed, {Replayed} already recomputed")]
    public static partial void DeadlinesRecomputed(ILogger logger, int year, int aggregates, int changed, int replayed);

    [LoggerMessage(1403, LogLevel.Error, "Calendar: the changed configuration was not applied; the calendar in use stays as it was. {Problems}")]
    public static partial void CalendarYearsRejected(ILogger logger, string problems);

    [LoggerMessage(1404, LogLevel.Error, "Calendar: recomputing the deadlines of {Year} failed; it is tried again at the next start or change")]
    public static partial void RecomputeFailed(ILogger logger, Exception exception, int year);
}

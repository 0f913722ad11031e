using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;

namespace EcomRules.Hosting;

/// <summary>
/// Reports whether the store answers, how many outbox messages wait, how old the oldest is, how many are dead letters,
/// and how long the calendar's public-holiday data lasts (DSP-1). Unhealthy when the store does not answer, or when
/// the clock has run past the covered years and the policy refuses uncovered years; degraded when there are dead
/// letters, the oldest waiting message is older than <see cref="MaxOutboxLag"/>, the last covered day is at most
/// <see cref="CoverageWarningDays"/> days away, or the clock is past it (deadlines on the working calendar are then
/// provisional). Every degraded reason is named, with the year to add.
/// </summary>
public sealed class EcomRulesHealthCheck : IHealthCheck
{
    private static readonly AggregateKey Probe = new("health", "probe");
    private readonly IEcomStore _store;
    private readonly IOutboxStore? _outbox;
    private readonly EcomEngine? _engine;
    private readonly IClock _clock;

    /// <summary>Creates the check.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="outbox">The outbox side of the store, when it has one.</param>
    /// <param name="engine">The engine whose policy's calendar coverage is checked; null checks no calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="clock"/> is null.</exception>
    public EcomRulesHealthCheck(IEcomStore store, IClock clock, IOutboxStore? outbox = null, EcomEngine? engine = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _outbox = outbox;
        _engine = engine;
    }

    /// <summary>Gets or sets the age of the oldest waiting outbox message beyond which the host is degraded.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan MaxOutboxLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how many days before the last day with public-holiday data the host is degraded, naming the year to add.</summary>
    /// <value>The default is 60.</value>
    public int CoverageWarningDays { get; set; } = 60;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = await _store.LoadAsync(Probe, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The EcomRules store does not answer.", e);
        }

        var now = _clock.GetCurrentInstant();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var degraded = new List<string>();
        var healthy = new List<string>();
        if (CheckCalendar(now, data, degraded, healthy) is { } unhealthy)
        {
            return HealthCheckResult.Unhealthy(unhealthy, data: data);
        }

        if (_outbox is null)
        {
            healthy.Add("the store answers; it has no outbox");
        }
        else
        {
            var stats = await _outbox.GetOutboxStatisticsAsync(cancellationToken).ConfigureAwait(false);
            var lag = stats.OldestPendingCreatedAt is { } oldest ? (now - oldest).ToTimeSpan() : TimeSpan.Zero;
            data["outbox.pending"] = stats.Pending;
            data["outbox.deadLetters"] = stats.DeadLetters;
            data["outbox.lagSeconds"] = Math.Max(0, lag.TotalSeconds);
            if (stats.DeadLetters > 0)
            {
                degraded.Add($"{stats.DeadLetters} outbox message(s) are dead letters and wait for a person");
            }
            else if (lag > MaxOutboxLag)
            {
                degraded.Add($"the oldest waiting outbox message is {lag.TotalSeconds:0} s old");
            }
            else
            {
                healthy.Add($"{stats.Pending} outbox message(s) waiting");
            }
        }

        return degraded.Count > 0
            ? HealthCheckResult.Degraded(Sentence(degraded), data: data)
            : HealthCheckResult.Healthy(Sentence(healthy), data);
    }

    private static string Sentence(List<string> parts) => string.Concat(char.ToUpperInvariant(parts[0][0]).ToString(), string.Join("; ", parts)[1..], ".");

    // DSP-1: the public-holiday data ends on 31 December of its last year; next year's notice comes in late autumn.
    private string? CheckCalendar(Instant now, Dictionary<string, object> data, List<string> degraded, List<string> healthy)
    {
        if (_engine is null)
        {
            return null;
        }

        var calendar = _engine.Policy.Calendar;
        var lastDay = calendar.LastDate;
        var yearToAdd = calendar.Holidays.LastYear + 1;
        var today = now.InZone(calendar.Zone).Date;
        data["calendar.lastCoveredDay"] = lastDay.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        data["calendar.uncoveredYears"] = calendar.Uncovered.ToString();
        data["calendar.yearToAdd"] = yearToAdd;
        if (now >= calendar.CoverageEnd)
        {
            if (calendar.Uncovered == Calendars.UncoveredYears.Refuse)
            {
                return $"The calendar has no public-holiday data for {today.Year} (it ends {lastDay:uuuu-MM-dd}) and the policy refuses uncovered years: commands are refused (DSP-1). Add {yearToAdd} to EcomRules:Calendar:Years.";
            }

            degraded.Add($"the calendar has no public-holiday data for {today.Year} (it ends {lastDay:uuuu-MM-dd}): deadlines on the working calendar are provisional until {yearToAdd} is added to EcomRules:Calendar:Years (DSP-1)");
        }
        else if (Period.DaysBetween(today, lastDay) <= CoverageWarningDays)
        {
            data["calendar.yearToAdd"] = yearToAdd;
            degraded.Add($"the calendar's public-holiday data ends {lastDay:uuuu-MM-dd}: add {yearToAdd} from the State Council notice (国务院办公厅关于{yearToAdd}年部分节假日安排的通知) to EcomRules:Calendar:Years (DSP-1)");
        }
        else
        {
            data.Remove("calendar.yearToAdd");
            healthy.Add($"the calendar covers {calendar.Holidays.FirstYear}–{calendar.Holidays.LastYear}");
        }

        return null;
    }
}

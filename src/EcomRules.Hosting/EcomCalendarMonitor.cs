using EcomRules.Calendars;
using EcomRules.Engine;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;
using NodaTime;

namespace EcomRules.Hosting;

/// <summary>
/// Keeps the engine's public-holiday years in step with the <c>EcomRules:Calendar:Years</c> configuration (DSP-1,
/// SLA-8): when the host starts, and whenever the configuration section reloads, the years are read and validated; a valid
/// change replaces the engine's policy atomically (<see cref="EcomEngine.ChangePolicy"/>) and the provisional deadlines
/// of every added or changed year are recomputed (<see cref="DeadlineRecomputer"/>). An invalid change is logged with
/// every problem and not applied. Only the years follow a reload; other settings need a restart.
/// </summary>
public sealed class EcomCalendarMonitor : IDisposable
{
    private readonly EcomEngine _engine;
    private readonly ITimerStore? _timers;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;
    private Task _current = Task.CompletedTask;

    /// <summary>Creates the monitor.</summary>
    /// <param name="engine">The engine whose policy it keeps up to date.</param>
    /// <param name="clock">The clock recomputations are dated with.</param>
    /// <param name="timers">The timers to look through; null when the store has none (then nothing is recomputed).</param>
    /// <param name="logger">Where to log; nothing when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="clock"/> is null.</exception>
    public EcomCalendarMonitor(EcomEngine engine, IClock clock, ITimerStore? timers = null, ILogger<EcomCalendarMonitor>? logger = null)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _timers = timers;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the work started by the last start or configuration change; it completes when its recomputations are done.</summary>
    public Task Current => Volatile.Read(ref _current);

    /// <summary>
    /// Applies <paramref name="options"/>' years to the engine's policy and recomputes the deadlines they move.
    /// Years already in the policy with the same data are recomputed only when <paramref name="recomputeAll"/> (what a
    /// start does: the data may have been added while the host was down); recomputing is idempotent.
    /// </summary>
    /// <param name="options">The calendar options.</param>
    /// <param name="recomputeAll">Whether to recompute every configured year, not only those that changed.</param>
    /// <param name="cancellationToken">Cancels the recomputation; what was done stays.</param>
    /// <returns>The recomputations, one per year recomputed; empty when the options were rejected.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public async Task<IReadOnlyList<DeadlineRecomputation>> ApplyAsync(EcomCalendarOptions options, bool recomputeAll = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = _engine.Policy;
            EcomPolicy after;
            try
            {
                after = EcomPolicyFactory.WithConfiguredYears(before, options);
            }
            catch (Exception e) when (e is ArgumentException or EcomPolicyException)
            {
                Log.CalendarYearsRejected(_logger, e.Message);
                return [];
            }

            var changed = after.Calendar.Holidays.Years
                .Where(y => !before.Calendar.Holidays.Covers(y.Year) || !before.Calendar.Holidays.GetYear(y.Year).HasSameDates(y)
                    || (recomputeAll && !ChinaPublicHolidays.Default.Covers(y.Year)))
                .ToList();
            if (!ReferenceEquals(after, before))
            {
                _engine.ChangePolicy(after);
                Log.CalendarYearsApplied(_logger, $"{after.Calendar.Holidays.FirstYear}–{after.Calendar.Holidays.LastYear}");
            }

            var results = new List<DeadlineRecomputation>();
            if (_timers is null)
            {
                return results;
            }

            foreach (var year in changed)
            {
                try
                {
                    var done = await new DeadlineRecomputer(_timers, _engine).RecomputeAsync(year, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                    Log.DeadlinesRecomputed(_logger, done.Year, done.Aggregates, done.Changed, done.Replayed);
                    results.Add(done);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.RecomputeFailed(_logger, e, year.Year);
                }
            }

            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Starts: recomputes the deadlines of the configured years now (in the background), then, when
    /// <paramref name="section"/> is given, applies every reload of its <c>Calendar</c> section. The section is read
    /// directly rather than through <c>IOptionsMonitor</c>, whose reload of invalid options throws on a background
    /// thread and is lost: here every problem of a rejected reload is logged and the calendar in use stays.
    /// </summary>
    /// <param name="current">The calendar options the host started with.</param>
    /// <param name="section">The <c>"EcomRules"</c> configuration section to follow; null follows nothing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="current"/> is null.</exception>
    public void Start(EcomCalendarOptions current, IConfiguration? section = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        Run(current, recomputeAll: true);
        if (section is not null)
        {
            _subscription = ChangeToken.OnChange(section.GetReloadToken, () => Run(Read(section), recomputeAll: false));
        }
    }

    /// <summary>Stops following changes and waits for the work under way, which is cancelled.</summary>
    /// <returns>A task that completes when the work has stopped.</returns>
    public async Task StopAsync()
    {
        _subscription?.Dispose();
        _subscription = null;
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Current.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: what was recomputed stays; the rest is done at the next start.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription?.Dispose();
        _stopping.Dispose();
        _gate.Dispose();
    }

    private EcomCalendarOptions? Read(IConfiguration section)
    {
        try
        {
            return section.GetSection("Calendar").Get<EcomCalendarOptions>() ?? new EcomCalendarOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder refuses a value it cannot convert (an UncoveredYears that is not a treatment).
            Log.CalendarYearsRejected(_logger, e.Message);
            return null;
        }
    }

    private void Run(EcomCalendarOptions? options, bool recomputeAll)
    {
        if (options is null)
        {
            return;
        }

        var previous = Current;
        var next = Task.Run(async () =>
        {
            try
            {
                await previous.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The previous run was cancelled by a stop; this one is cancelled too.
            }

            await ApplyAsync(options, recomputeAll, _stopping.Token).ConfigureAwait(false);
        });
        Volatile.Write(ref _current, next);
    }
}

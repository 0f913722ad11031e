using EcomRules.Calendars;
using EcomRules.Commands;
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
/// SLA-8): when the host starts, and whenever the configuration section reloads, the years are read and validated; a
/// valid change replaces the engine's policy atomically (<see cref="EcomEngine.ChangePolicy"/>) and the pending
/// provisional deadlines are recomputed (<see cref="DeadlineRecomputer"/>). An invalid change is logged with every
/// problem and not applied. Only the years follow a reload; other settings need a restart.
/// </summary>
internal sealed class EcomCalendarMonitor : IDisposable
{
    private readonly EcomEngine _engine;
    private readonly IEcomStore _store;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _runs = new();
    private IDisposable? _subscription;
    private Task _current = Task.CompletedTask;

    public EcomCalendarMonitor(EcomEngine engine, IEcomStore store, IClock clock, ILogger<EcomCalendarMonitor>? logger = null)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the work started by the last start or configuration change; it completes when its recomputation is done.</summary>
    public Task Current
    {
        get
        {
            lock (_runs)
            {
                return _current;
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="options"/>' years to the engine's policy and, when they changed it or when
    /// <paramref name="recompute"/> (what a start does: the data may have been added while the host was down), recomputes
    /// the pending provisional deadlines. Idempotent.
    /// </summary>
    /// <returns>The recomputation, or null when nothing was recomputed (or the options were rejected).</returns>
    public async Task<DeadlineRecomputation?> ApplyAsync(EcomCalendarOptions options, bool recompute, CancellationToken cancellationToken)
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
                return null;
            }

            if (!ReferenceEquals(after, before))
            {
                _engine.ChangePolicy(after);
                Log.CalendarYearsApplied(_logger, $"{after.Calendar.Holidays.FirstYear}–{after.Calendar.Holidays.LastYear}");
            }
            else if (!recompute)
            {
                return null;
            }

            var added = after.Calendar.Holidays.Years.Where(y => !ChinaPublicHolidays.Default.Covers(y.Year)).ToList();
            if (added.Count == 0 || _store is not ITimerStore)
            {
                return null;
            }

            // One pass recomputes every pending provisional deadline on the new calendar, whichever year it falls in.
            var latest = added[^1];
            var done = await new DeadlineRecomputer(_store, _engine).RecomputeAsync(latest, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            Log.DeadlinesRecomputed(_logger, done.Year, done.Aggregates, done.Changed, done.Replayed);
            return done;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Starts: recomputes the pending provisional deadlines now (in the background), then, when <paramref name="section"/>
    /// is given, applies every reload of its <c>Calendar</c> section. The section is read directly rather than through
    /// <c>IOptionsMonitor</c>, whose reload of invalid options throws to whoever raised the reload and is lost
    /// (dotnet/runtime#44381): here every problem of a rejected reload is logged and the calendar in use stays.
    /// </summary>
    public void Start(EcomCalendarOptions current, IConfiguration? section = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        Run(current, recompute: true);
        if (section is not null)
        {
            _subscription = ChangeToken.OnChange(section.GetReloadToken, () => Run(Read(section), recompute: false));
        }
    }

    /// <summary>Stops following changes and waits for the work under way, which is cancelled.</summary>
    public async Task StopAsync()
    {
        _subscription?.Dispose();
        _subscription = null;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Current.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _stopping.Cancel();
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

    private void Run(EcomCalendarOptions? options, bool recompute)
    {
        if (options is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        lock (_runs)
        {
            var previous = _current;
            _current = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false);
                try
                {
                    await ApplyAsync(options, recompute, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    // Stopping: what was recomputed stays; the rest is done at the next start.
                }
                catch (Exception e)
                {
                    // A failed recomputation (the store not answering) is tried again at the next start or change.
                    Log.RecomputeFailed(_logger, e, options.Years.Count > 0 ? options.Years[^1]?.Year ?? 0 : 0);
                }
            });
        }
    }
}

using System.Globalization;
using EcomRules.Calendars;
using EcomRules.Engine;
using EcomRules.Internal;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Processing;

/// <summary>
/// Recomputes provisional deadlines when a year's public-holiday data is added (SLA-8, DSP-1): every aggregate with a
/// timer due in or after that year gets a <see cref="RecomputeDeadlines"/> command through the engine, so each moved
/// timer, its event and its audit entry commit together. The command ID is made from the year and a hash of its dates
/// (<c>calendar/{year}/{hash}/{kind}/{id}</c>): running it again for the same data replays and changes nothing; data
/// that changes again is recomputed again. Thread-safe; no hosting dependency.
/// </summary>
public sealed class DeadlineRecomputer
{
    private readonly ITimerStore _timers;
    private readonly EcomEngine _engine;
    private readonly int _pageSize;

    /// <summary>Creates a recomputer.</summary>
    /// <param name="timers">The timers to look through (usually the engine's store).</param>
    /// <param name="engine">Executes the commands; its policy must already cover the year.</param>
    /// <param name="pageSize">How many timers are listed per page; 1–10,000. The default is 500.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timers"/> or <paramref name="engine"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is outside 1–10,000.</exception>
    public DeadlineRecomputer(ITimerStore timers, EcomEngine engine, int pageSize = 500)
    {
        _timers = Preconditions.CheckNotNull(timers);
        _engine = Preconditions.CheckNotNull(engine);
        _pageSize = Preconditions.CheckArgumentRange(pageSize, 1, 10_000);
    }

    /// <summary>Recomputes the deadlines that <paramref name="year"/>'s data may move.</summary>
    /// <param name="year">The year added to the engine's policy (<see cref="EcomEngine.ChangePolicy"/>).</param>
    /// <param name="at">When the recomputation takes effect (the host's clock).</param>
    /// <param name="cancellationToken">Cancels the run; what was recomputed stays, and a later run finishes the rest.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="year"/> is null.</exception>
    /// <exception cref="ArgumentException">The engine's policy does not have <paramref name="year"/>'s data.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<DeadlineRecomputation> RecomputeAsync(PublicHolidayYear year, Instant at, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(year);
        var policy = _engine.Policy;
        Preconditions.CheckArgument(policy.Calendar.Holidays.Covers(year.Year) && policy.Calendar.Holidays.GetYear(year.Year).HasSameDates(year), nameof(year),
            string.Create(CultureInfo.InvariantCulture, $"The engine's policy does not have this data for {year.Year}: change the engine's policy first (EcomEngine.ChangePolicy(policy.WithHolidayYear(year)))."));

        var from = policy.Zone.AtStartOfDay(new LocalDate(year.Year, 1, 1)).ToInstant();
        var hash = year.DatesHash();
        var seen = new HashSet<AggregateKey>();
        int aggregates = 0, changed = 0, replayed = 0;
        DueTimer? after = null;
        while (true)
        {
            var page = await _timers.ListTimersAsync(from, _pageSize, after, cancellationToken).ConfigureAwait(false);
            foreach (var timer in page)
            {
                if (!seen.Add(timer.Target))
                {
                    continue;
                }

                aggregates++;
                var commandId = new CommandId(string.Create(CultureInfo.InvariantCulture, $"calendar/{year.Year}/{hash}/{timer.Target.Kind}/{timer.Target.Id}"));

                // Already recomputed for this data (at another instant, so the engine would see another payload): nothing to do.
                if (_timers is IEcomStore store && await store.FindCommandAsync(commandId, cancellationToken).ConfigureAwait(false) is not null)
                {
                    replayed++;
                    continue;
                }

                var decision = await _engine.ExecuteAsync(new RecomputeDeadlines(commandId, Actor.System, at, timer.Target, year.Citation), cancellationToken).ConfigureAwait(false);
                if (decision.IsReplay || decision.Code == RefusalCode.CommandIdReused)
                {
                    replayed++;
                }
                else if (decision.IsAccepted && decision.Events.Count > 0)
                {
                    changed++;
                }
            }

            if (page.Count < _pageSize)
            {
                return new DeadlineRecomputation(year.Year, aggregates, changed, replayed);
            }

            after = page[^1];
        }
    }
}

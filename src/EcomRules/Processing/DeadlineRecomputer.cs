using System.Globalization;
using EcomRules.Calendars;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Internal;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Processing;

/// <summary>
/// Recomputes provisional deadlines when public-holiday data is added (SLA-8, DSP-1). It lists the timers still to come
/// and loads each aggregate they belong to once; an aggregate with pending provisional deadlines
/// (<see cref="IRecomputableDeadlines"/>) gets a <see cref="RecomputeDeadlines"/> command through the engine, so each
/// moved timer, its event and its audit entry commit together. Aggregates without provisional deadlines cost a read
/// and write nothing. The command ID is made from the calendar's data and the aggregate's version
/// (<c>calendar/{hash}/{kind}/{id}/v{version}</c>): running again on the same data and state replays and changes nothing;
/// an aggregate changed since (marked again) is recomputed again. Thread-safe; no hosting dependency.
/// </summary>
/// <remarks>Only provisional deadlines move: replacing a year's data that deadlines were already computed on
/// (<c>Override</c>) does not move those deadlines.</remarks>
public sealed class DeadlineRecomputer
{
    private readonly ITimerStore _timers;
    private readonly IEcomStore _store;
    private readonly EcomEngine _engine;
    private readonly int _pageSize;

    /// <summary>Creates a recomputer.</summary>
    /// <param name="store">The store: its aggregates and, as an <see cref="ITimerStore"/>, its timers.</param>
    /// <param name="engine">Executes the commands; its policy must already have the new data.</param>
    /// <param name="pageSize">How many timers are listed per page; 1–10,000. The default is 500.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="engine"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="store"/> is not an <see cref="ITimerStore"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is outside 1–10,000.</exception>
    public DeadlineRecomputer(IEcomStore store, EcomEngine engine, int pageSize = 500)
    {
        _store = Preconditions.CheckNotNull(store);
        _timers = store as ITimerStore ?? throw new ArgumentException($"{store.GetType().Name} has no timers (ITimerStore); provisional deadlines live on durable timers.", nameof(store));
        _engine = Preconditions.CheckNotNull(engine);
        _pageSize = Preconditions.CheckArgumentRange(pageSize, 1, 10_000);
    }

    /// <summary>Recomputes the pending provisional deadlines after <paramref name="year"/>'s data was added to the engine's policy.</summary>
    /// <param name="year">The year added (<see cref="EcomEngine.ChangePolicy"/>); its notice is the reason in the audit trail.</param>
    /// <param name="at">When the recomputation takes effect (the host's clock); deadlines that have come by then are final.</param>
    /// <param name="cancellationToken">Cancels the run; what was recomputed stays, and a later run finishes the rest.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="year"/> is null.</exception>
    /// <exception cref="ArgumentException">The engine's policy does not have <paramref name="year"/>'s data.</exception>
    /// <exception cref="NotSupportedException">The store does not list timers.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<DeadlineRecomputation> RecomputeAsync(PublicHolidayYear year, Instant at, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(year);
        var holidays = _engine.Policy.Calendar.Holidays;
        Preconditions.CheckArgument(holidays.Covers(year.Year) && holidays.GetYear(year.Year).HasSameDates(year), nameof(year),
            string.Create(CultureInfo.InvariantCulture, $"The engine's policy does not have this data for {year.Year}: change the engine's policy first (EcomEngine.ChangePolicy(policy.WithHolidayYear(year)))."));
        var (aggregates, changed, replayed) = await RecomputeAsync(year.Citation, at, cancellationToken).ConfigureAwait(false);
        return new DeadlineRecomputation(year.Year, aggregates, changed, replayed);
    }

    /// <summary>Recomputes every pending provisional deadline on the engine's policy, citing <paramref name="reason"/>.</summary>
    internal async ValueTask<(int Aggregates, int Changed, int Replayed)> RecomputeAsync(string reason, Instant at, CancellationToken cancellationToken)
    {
        var policy = _engine.Policy;
        var hash = policy.Calendar.Holidays.DataHash();
        var seen = new HashSet<AggregateKey>();
        int aggregates = 0, changed = 0, replayed = 0;
        DueTimer? after = null;
        while (true)
        {
            var page = await _timers.ListTimersAsync(at, _pageSize, after, cancellationToken).ConfigureAwait(false);
            foreach (var timer in page)
            {
                if (!seen.Add(timer.Target))
                {
                    continue;
                }

                var stored = await _store.LoadAsync(timer.Target, cancellationToken).ConfigureAwait(false);
                if (stored?.State is not IRecomputableDeadlines owner || owner.ProvisionalDeadlines.IsDefault || !owner.ProvisionalDeadlines.Any(d => d.DueAt > at))
                {
                    continue;
                }

                aggregates++;
                var commandId = CommandIdFor(hash, timer.Target, stored.Version);

                // Already recomputed for this data and this state (at another instant, so the engine would see another payload).
                if (await _store.FindCommandAsync(commandId, cancellationToken).ConfigureAwait(false) is not null)
                {
                    replayed++;
                    continue;
                }

                var decision = await _engine.ExecuteAsync(new RecomputeDeadlines(commandId, Actor.System, at, timer.Target, reason), cancellationToken).ConfigureAwait(false);
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
                return (aggregates, changed, replayed);
            }

            after = page[^1];
        }
    }

    private static CommandId CommandIdFor(string hash, AggregateKey key, long version)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"calendar/{hash}/{key.Kind}/{key.Id}/v{version}");
        return new CommandId(id.Length <= CommandId.MaxLength
            ? id
            : string.Create(CultureInfo.InvariantCulture, $"calendar/{hash}/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key.ToString())), 0, 16)}/v{version}"));
    }
}

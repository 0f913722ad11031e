using System.Globalization;
using EcomRules.Calendars;
using EcomRules.Commands;
using EcomRules.Diagnostics;
using EcomRules.Internal;
using EcomRules.Policies;
using EcomRules.Ports;
using NodaTime;

namespace EcomRules.Engine;

/// <summary>
/// Executes commands: the application layer of EcomRules.
/// <list type="number">
/// <item>Access (SEC-2): a command whose actor's role may not issue it (<see cref="Permissions"/>) is refused with
/// <see cref="RefusalCode.NotPermitted"/> before anything is read; not recorded.</item>
/// <item>Idempotency: a command ID already executed returns its first decision and has no second effect; the same
/// ID with a different payload is refused (<see cref="RefusalCode.CommandIdReused"/>). A decision is recorded only when
/// the command was decided against its target: acceptances and business-rule refusals. A refusal for a missing target
/// (<see cref="RefusalCode.NotFound"/>) or invalid input (<see cref="RefusalCode.InvalidInput"/>) is not recorded, so
/// a retry of the same command ID is decided again once the target exists or the input is corrected.</item>
/// <item>Load: the target aggregate (and any it reads) with their versions.</item>
/// <item>Decide: pure domain code on the policy and the command's instant → accepted or refused.</item>
/// <item>Save: state, audit entry (SEC-3), outbox messages, timers and the idempotency record in one transaction,
/// with expected versions; on a concurrent change, load and decide again, up to
/// <see cref="EcomEngineOptions.MaxConcurrencyRetries"/> times.</item>
/// </list>
/// A year without public-holiday data never makes it throw: the policy's <see cref="EcomPolicy.UncoveredYears"/>
/// decides (provisional deadlines, or a refusal naming DSP-1). Thread-safe; one instance serves the whole application.
/// </summary>
public sealed partial class EcomEngine
{
    private static readonly Instant EarliestInstant = Instant.FromUtc(1900, 1, 1, 0, 0);
    private static readonly Instant LatestInstant = Instant.FromUtc(9000, 1, 1, 0, 0);

    private readonly IEcomStore _store;
    private readonly IEcomDiagnostics _diagnostics;
    private readonly int _maxRetries;
    private EcomPolicy _policy;

    /// <summary>Creates an engine.</summary>
    /// <param name="store">The store.</param>
    /// <param name="policy">The policy every decision is made under.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="diagnostics">Where to report; nothing when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="policy"/> is null.</exception>
    public EcomEngine(IEcomStore store, EcomPolicy policy, EcomEngineOptions? options = null, IEcomDiagnostics? diagnostics = null)
    {
        _store = Preconditions.CheckNotNull(store);
        _policy = Preconditions.CheckNotNull(policy);
        _maxRetries = (options ?? new EcomEngineOptions()).MaxConcurrencyRetries;
        _diagnostics = diagnostics ?? NullEcomDiagnostics.Instance;
    }

    /// <summary>Gets the policy decisions are made under now.</summary>
    public EcomPolicy Policy => Volatile.Read(ref _policy);

    /// <summary>
    /// Replaces the policy atomically: a command already executing finishes under the policy it started with, every
    /// later one is decided under <paramref name="policy"/>. Use it to add a year of public-holiday data at run time
    /// (<see cref="EcomPolicy.WithHolidayYear(PublicHolidayYear, bool)"/>), then recompute the provisional deadlines
    /// (<see cref="Processing.DeadlineRecomputer"/>).
    /// </summary>
    /// <param name="policy">The new policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public void ChangePolicy(EcomPolicy policy) => Volatile.Write(ref _policy, Preconditions.CheckNotNull(policy));

    /// <summary>Gets where the engine reports (the timer scheduler reports there too).</summary>
    internal IEcomDiagnostics Diagnostics => _diagnostics;

    /// <summary>Executes a command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the execution; a cancelled execution commits nothing.</param>
    /// <returns>The decision: accepted with the new state and events, or refused with the rule and reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> or its actor is null.</exception>
    /// <exception cref="ArgumentException">The command has no command ID.</exception>
    /// <exception cref="ConcurrencyConflictException">The target kept changing concurrently beyond the retry limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<Decision> ExecuteAsync(EcomCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Actor, nameof(command));
        Preconditions.CheckArgument(command.CommandId.Value.Length > 0, nameof(command), "The command has no CommandId; every command needs an idempotency key.");
        cancellationToken.ThrowIfCancellationRequested();
        using var execution = _diagnostics.CommandStarting(command);
        var permittedUnder = Policy;
        if (Unpermitted(command, permittedUnder) is { } unpermitted)
        {
            // SEC-2: checked before the idempotency record or any aggregate is read, so an actor without the permission
            // learns nothing (not even a replayed state) and changes nothing; not recorded, like invalid input.
            return Report(command, unpermitted);
        }

        var fingerprint = PayloadWriter.Fingerprint(command);
        // One read for the idempotency look-up, the target and what else the command reads (one round trip where the
        // store batches them); a command that reads only its target asks for just that.
        var alsoLoads = AlsoLoads(command);
        IdempotencyRecord? existing;
        StoredAggregate? target;
        IReadOnlyList<StoredAggregate> others = [];
        if (alsoLoads.Length == 0)
        {
            (existing, target) = await _store.FindCommandAndLoadAsync(command.CommandId, command.Target, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (existing, target, others) = await _store.FindCommandAndLoadManyAsync(command.CommandId, command.Target, alsoLoads, cancellationToken).ConfigureAwait(false);
        }

        if (existing is not null)
        {
            return Report(command, Replay(command, existing, fingerprint, target));
        }

        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                (target, others) = await ReloadAsync(command.Target, alsoLoads, cancellationToken).ConfigureAwait(false);
            }

            var policy = Policy;
            if (!ReferenceEquals(policy, permittedUnder))
            {
                // The policy was replaced since the SEC-2 check: check again under the one the command is decided on.
                if (Unpermitted(command, policy) is { } now)
                {
                    return Report(command, now);
                }

                permittedUnder = policy;
            }

            var input = new DecisionInput(policy, target, [.. others]);
            var decided = Decide(command, input);
            if (decided.IsAccepted)
            {
                // Other modules take part in the change set (DecisionParticipant): their writes are version-checked too.
                (decided, input) = await JoinAsync(command, decided, input, policy, cancellationToken).ConfigureAwait(false);
            }

            var outcome = ProvisionalMarking.Apply(command, decided, input, policy, out var provisionalYear, out var provisionalCount);
            var decision = ToDecision(command, outcome, input);
            if (!IsRecorded(outcome.Code))
            {
                // Nothing was decided against the target (or the calendar lacks the year's data): no idempotency
                // record, so a retry is decided afresh.
                return Report(command, decision);
            }

            if (!ReferenceEquals(policy, Policy))
            {
                // The policy was replaced while deciding (a year of holiday data added): decide again on the new one, so
                // no deadline computed on the old calendar is saved after its recomputation (SLA-8).
                continue;
            }

            var changes = ToChangeSet(command, outcome, decision, fingerprint, policy);
            try
            {
                await _store.SaveAsync(changes, cancellationToken).ConfigureAwait(false);
                if (provisionalCount > 0)
                {
                    _diagnostics.DeadlinesProvisional(command, provisionalYear, provisionalCount);
                }

                return Report(command, decision);
            }
            catch (ConcurrencyConflictException conflict) when (attempt <= _maxRetries)
            {
                _diagnostics.ConcurrencyRetry(command, conflict, attempt);
            }
            catch (DuplicateCommandException duplicate)
            {
                // Another execution of the same command ID committed first: answer with its decision.
                var stored = await _store.FindCommandAsync(command.CommandId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The store reported command '{command.CommandId}' as recorded but cannot find it.", duplicate);
                var current = await _store.LoadAsync(command.Target, cancellationToken).ConfigureAwait(false);
                return Report(command, Replay(command, stored, fingerprint, current));
            }
        }
    }

    /// <summary>
    /// Whether a decision with <paramref name="code"/> is stored as its command ID's outcome: acceptances and refusals
    /// decided against the target are; a missing target or invalid input are not (the Stripe semantics: a result is
    /// saved only when the request executed against its target), nor a year without holiday data (DSP-1: decided afresh
    /// once the data is added).
    /// </summary>
    internal static bool IsRecorded(RefusalCode code) => code is not (RefusalCode.NotFound or RefusalCode.InvalidInput or RefusalCode.CalendarNotCovered or RefusalCode.NotPermitted);

    private static CommandOutcome Decide(EcomCommand command, DecisionInput input)
    {
        try
        {
            if (command.At < EarliestInstant || command.At >= LatestInstant)
            {
                // Calendar and retention arithmetic (years later, in the merchant's zone) stays far from NodaTime's limits.
                return CommandOutcome.Refuse(RefusalCode.InvalidInput, $"The command's instant {command.At} is outside the years 1900 to 8999.");
            }

            // Input that no state can make valid is refused before the aggregate is looked at. The actor is written to
            // the audit trail of every accepted command (SEC-3), so it has a code's limit too.
            var limits = input.Policy.Limits;
            if ((limits.Code(command.Actor.Id, "actor ID") ?? limits.Code(command.Actor.Role.Value, "actor role") ?? command.CheckInput(limits)) is { } problem)
            {
                return CommandOutcome.Refuse(RefusalCode.InvalidInput, problem.Reason, problem.RuleId);
            }

            return command.Decide(input);
        }
        catch (Exception e) when (AsRefusal(e, input) is { } refusal)
        {
            return refusal;
        }
    }

    /// <summary>
    /// The refusal a rule exception from domain code stands for (a value it built, a date beyond the calendar), or null
    /// for any other exception: used wherever domain code runs (the command, and every participant that joins it).
    /// </summary>
    private static CommandOutcome? AsRefusal(Exception e, DecisionInput input)
    {
        switch (e)
        {
            case RuleViolationException violation:
                // Domain code refuses by returning an outcome; a rule exception from a value it built is the same refusal.
                return CommandOutcome.Refuse(RefusalCode.RuleViolation, violation.Message, violation.RuleId);
            case CalendarYearNotCoveredException uncovered:
                // DSP-1: a year beyond what the policy computes (all uncovered years when it refuses them) is answered, never thrown.
                return ProvisionalMarking.Refusal(input.Policy.Calendar, uncovered.Year, "a date the command needs");
            default:
                return null;
        }
    }

    // A replayed acceptance carries the target's stored state (the caller needs no special case for a retry); the
    // record keeps no state, so it is the state as stored now, which is the one the command produced unless a later
    // command changed the target since. An aggregate with a customer's personal data is carried only as the command
    // left it (same version): a later state is a new read, which says who and why (SEC-2, GetAsync with DataAccess).
    private static Decision Replay(EcomCommand command, IdempotencyRecord record, UInt128 fingerprint, StoredAggregate? target)
        => PayloadWriter.Matches(record.Fingerprint, fingerprint) || PayloadWriter.LegacyMatches(record.Fingerprint, command)
            ? Decision.Replay(record, record.Status == DecisionStatus.Accepted && target is not null && target.Key == record.Target
                && (target.Version == record.Version || !PersonalData.IsHeldBy(target.State)) ? target.State : null)
            : Decision.Refused(command.CommandId, command.Target, RefusalCode.CommandIdReused, default,
                $"Command ID '{command.CommandId}' was already used for a different {record.Target.Kind} command; an idempotency key is used once.",
                record.Version);

    private static Decision ToDecision(EcomCommand command, CommandOutcome outcome, DecisionInput input)
    {
        var target = command.Target;
        if (!outcome.IsAccepted)
        {
            return Decision.Refused(command.CommandId, target, outcome.Code, outcome.RuleId, outcome.Reason, input.VersionOf(target));
        }

        foreach (var write in outcome.Writes)
        {
            if (write.Key == target)
            {
                return Decision.Accepted(command.CommandId, target, write.NewVersion, write.State, outcome.Events, outcome.Reason);
            }
        }

        return Decision.Accepted(command.CommandId, target, input.VersionOf(target), input.Find(target)?.State, outcome.Events, outcome.Reason);
    }

    private static ChangeSet ToChangeSet(EcomCommand command, CommandOutcome outcome, Decision decision, UInt128 fingerprint, EcomPolicy policy)
    {
        var record = IdempotencyRecord.Of(decision, PayloadWriter.Format(fingerprint));
        if (!outcome.IsAccepted)
        {
            return new ChangeSet(record, [], [], [], []);
        }

        // SEC-3: every accepted command is recorded (who, when, what, why) under its target, and every other aggregate it
        // changed gets its own entry, so each aggregate's trail has every version; ORD-6: kept until the policy's
        // retention period at least (a policy error refuses nothing after the save).
        var retainUntil = policy.RetainUntil(command.At);
        var audit = new List<AuditEntry>
        {
            new(command.CommandId, command.Target, command.Actor.Id, command.Actor.Role, command.At, command.Action, record.Reason, command.Reason, record.Version, retainUntil),
        };
        foreach (var write in outcome.Writes)
        {
            if (write.Key != command.Target)
            {
                audit.Add(new AuditEntry(command.CommandId, write.Key, command.Actor.Id, command.Actor.Role, command.At, command.Action,
                    $"changed with {command.Target}: {record.Reason}", command.Reason, write.NewVersion, retainUntil));
            }
        }

        var outbox = new OutboxMessage[outcome.Events.Count];
        for (var i = 0; i < outbox.Length; i++)
        {
            outbox[i] = new OutboxMessage(OutboxMessage.KeyFor(command.CommandId, i), outcome.Events[i], command.At);
        }

        return new ChangeSet(record, outcome.Writes, audit, outbox, outcome.Timers);
    }

    /// <summary>The other aggregates the command reads besides its target, each once.</summary>
    private static AggregateKey[] AlsoLoads(EcomCommand command)
    {
        var keys = Array.Empty<AggregateKey>();
        foreach (var key in command.AlsoLoads)
        {
            if (key != command.Target && Array.IndexOf(keys, key) < 0)
            {
                keys = [.. keys, key];
            }
        }

        return keys;
    }

    /// <summary>Loads the target and the other aggregates again after a conflict, in one read where the store can.</summary>
    private async ValueTask<(StoredAggregate? Target, IReadOnlyList<StoredAggregate> Others)> ReloadAsync(AggregateKey target, AggregateKey[] alsoLoads, CancellationToken cancellationToken)
    {
        if (alsoLoads.Length == 0)
        {
            return (await _store.LoadAsync(target, cancellationToken).ConfigureAwait(false), []);
        }

        var loaded = await _store.LoadManyAsync([target, .. alsoLoads], cancellationToken).ConfigureAwait(false);
        StoredAggregate? found = null;
        var others = new List<StoredAggregate>(loaded.Count);
        foreach (var aggregate in loaded)
        {
            if (aggregate.Key == target)
            {
                found = aggregate;
            }
            else
            {
                others.Add(aggregate);
            }
        }

        return (found, others);
    }

    private Decision Report(EcomCommand command, Decision decision)
    {
        _diagnostics.CommandDecided(command, decision);
        return decision;
    }
}

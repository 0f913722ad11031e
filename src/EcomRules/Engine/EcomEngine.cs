using EcomRules.Diagnostics;
using EcomRules.Internal;
using EcomRules.Policies;
using EcomRules.Ports;

namespace EcomRules.Engine;

/// <summary>
/// Executes commands: the application layer of EcomRules.
/// <list type="number">
/// <item>Idempotency: a command ID already executed returns its first decision and has no second effect; the same
/// ID with a different payload is refused (<see cref="RefusalCode.CommandIdReused"/>).</item>
/// <item>Load: the target aggregate (and any it reads) with their versions.</item>
/// <item>Decide: pure domain code on the policy and the command's instant → accepted or refused.</item>
/// <item>Save: state, audit entry (SEC-3), outbox messages, timers and the idempotency record in one transaction,
/// with expected versions; on a concurrent change, load and decide again, up to
/// <see cref="EcomEngineOptions.MaxConcurrencyRetries"/> times.</item>
/// </list>
/// Thread-safe; one instance serves the whole application.
/// </summary>
public sealed partial class EcomEngine
{
    private readonly IEcomStore _store;
    private readonly IEcomDiagnostics _diagnostics;
    private readonly int _maxRetries;

    /// <summary>Creates an engine.</summary>
    /// <param name="store">The store.</param>
    /// <param name="policy">The policy every decision is made under.</param>
    /// <param name="options">Options; the defaults when null.</param>
    /// <param name="diagnostics">Where to report; nothing when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="policy"/> is null.</exception>
    public EcomEngine(IEcomStore store, EcomPolicy policy, EcomEngineOptions? options = null, IEcomDiagnostics? diagnostics = null)
    {
        _store = Preconditions.CheckNotNull(store);
        Policy = Preconditions.CheckNotNull(policy);
        _maxRetries = (options ?? new EcomEngineOptions()).MaxConcurrencyRetries;
        _diagnostics = diagnostics ?? NullEcomDiagnostics.Instance;
    }

    /// <summary>Gets the policy decisions are made under.</summary>
    public EcomPolicy Policy { get; }

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

        var fingerprint = PayloadWriter.Fingerprint(command);
        // One read for the idempotency look-up and the target (one round trip where the store batches them).
        var (existing, target) = await _store.FindCommandAndLoadAsync(command.CommandId, command.Target, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return Report(command, Replay(command, existing, fingerprint));
        }

        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                target = await _store.LoadAsync(command.Target, cancellationToken).ConfigureAwait(false);
            }

            var input = await LoadAsync(command, target, cancellationToken).ConfigureAwait(false);
            var outcome = Decide(command, input);
            var decision = ToDecision(command, outcome, input, fingerprint);
            var changes = ToChangeSet(command, outcome, decision);
            try
            {
                await _store.SaveAsync(changes, cancellationToken).ConfigureAwait(false);
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
                return Report(command, Replay(command, stored, fingerprint));
            }
        }
    }

    private static CommandOutcome Decide(EcomCommand command, DecisionInput input)
    {
        try
        {
            return command.Decide(input);
        }
        catch (RuleViolationException violation)
        {
            // Domain code refuses by returning an outcome; a rule exception from a value it built is the same refusal.
            return CommandOutcome.Refuse(RefusalCode.RuleViolation, violation.Message, violation.RuleId);
        }
    }

    private static Decision Replay(EcomCommand command, IdempotencyRecord record, UInt128 fingerprint)
        => record.HasFingerprint(fingerprint) || PayloadWriter.LegacyMatches(record.Fingerprint, command)
            ? Decision.Replay(record)
            : Decision.Refused(command.CommandId, command.Target, RefusalCode.CommandIdReused, default,
                $"Command ID '{command.CommandId}' was already used for a different {record.Target.Kind} command; an idempotency key is used once.",
                record.Version);

    private static Decision ToDecision(EcomCommand command, CommandOutcome outcome, DecisionInput input, UInt128 fingerprint)
    {
        var target = command.Target;
        if (!outcome.IsAccepted)
        {
            return Decision.Refused(command.CommandId, target, outcome.Code, outcome.RuleId, outcome.Reason, input.VersionOf(target), fingerprint);
        }

        var writes = outcome.Writes;
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.Key == target)
            {
                return Decision.Accepted(command.CommandId, target, write.NewVersion, write.State, outcome.Events, outcome.Reason, fingerprint);
            }
        }

        return Decision.Accepted(command.CommandId, target, input.VersionOf(target), input.Find(target)?.State, outcome.Events, outcome.Reason, fingerprint);
    }

    private ChangeSet ToChangeSet(EcomCommand command, CommandOutcome outcome, Decision decision)
        // The idempotency record is made from the decision, and the audit entries (SEC-3: who, when, what, why; one
        // per aggregate changed; ORD-6: kept for the policy's retention period) and outbox messages (key
        // {commandId}/{i}) from the command and its events, each when a store first reads them.
        => outcome.IsAccepted
            ? ChangeSet.Accepted(decision, outcome.Writes, outcome.Timers, command, Policy)
            : ChangeSet.Refusal(decision);

    private async ValueTask<DecisionInput> LoadAsync(EcomCommand command, StoredAggregate? target, CancellationToken cancellationToken)
    {
        var others = Array.Empty<StoredAggregate>();
        foreach (var key in command.AlsoLoads)
        {
            if (key != command.Target && Array.FindIndex(others, o => o.Key == key) < 0
                && await _store.LoadAsync(key, cancellationToken).ConfigureAwait(false) is { } other)
            {
                others = [.. others, other];
            }
        }

        return new DecisionInput(Policy, target, others);
    }

    private Decision Report(EcomCommand command, Decision decision)
    {
        _diagnostics.CommandDecided(command, decision);
        return decision;
    }
}

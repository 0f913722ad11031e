using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Ports;
using static EcomRules.Testing.ContractCheck;
using static EcomRules.Testing.ContractFixtures;

namespace EcomRules.Testing;

/// <summary>
/// The store contract: what every <see cref="IEcomStore"/> adapter must do, as cases any test framework can run
/// (one test per case, each with a fresh, empty store). States and events are <see cref="ContractState"/> and
/// <see cref="ContractEvent"/>, compared by value, so a serializing adapter passes when it loads what it saved. Cases
/// about the outbox and timers need the store (or a test wrapper) to implement <see cref="IEcomStoreInspection"/>.
/// </summary>
/// <example>
/// With xUnit:
/// <code>
/// public static TheoryData&lt;string&gt; Names => new(StoreContract.Cases.Select(c => c.Name));
///
/// [Theory, MemberData(nameof(Names))]
/// public Task Contract(string name) => StoreContract.Get(name).RunAsync(() => new MyStore(), CancellationToken.None);
/// </code>
/// </example>
public static partial class StoreContract
{
    private const int ConcurrentWriters = 8;

    /// <summary>Gets every case of the contract.</summary>
    public static IReadOnlyList<StoreContractCase> Cases { get; } = ImmutableArray.Create(
        Define("Load of a missing aggregate returns null", LoadMissingAsync),
        Define("First save creates version 1 and later saves increment it", SaveNewAsync),
        Define("Stale expected version conflicts and stores nothing of the change set", StaleVersionAsync),
        Define("Expected version 0 for an existing aggregate conflicts", ExpectedZeroForExistingAsync),
        Define("Expected version above 0 for a missing aggregate conflicts", ExpectedVersionForMissingAsync),
        Define("Duplicate command ID throws and stores nothing of the change set", DuplicateCommandAsync),
        Define("Idempotency records round-trip every field", RecordRoundTripAsync),
        Define("FindCommandAndLoad agrees with FindCommand and Load called separately", FindCommandAndLoadAsync),
        Define("LoadMany and FindCommandAndLoadMany agree with Load and FindCommand called separately", LoadManyAsync),
        Define("A refusal stores only its idempotency record", RefusalAsync),
        Define("Audit entries round-trip every field, oldest first, per aggregate", AuditRoundTripAsync),
        Define("Outbox messages are stored in commit order with increasing sequence numbers", OutboxOrderAsync),
        Define("A change set writing several aggregates is all or nothing", MultiAggregateAsync),
        Define("Timers are upserted by ID and cancelled by a null due instant", TimersAsync),
        Define("A re-scheduled timer is listed and claimed at its new instant only, listing pages in due-then-ID order", RescheduledTimerAsync),
        Define("A cancelled save stores nothing", CancelledSaveAsync),
        Define("Concurrent saves with the same expected version: exactly one succeeds", ConcurrentSavesAsync),
        Define("Delivered outbox messages are purged after their retention in batches; undelivered, dead-lettered and leased ones, audit and idempotency records never", PurgeAsync),
        Define("A timer of an unknown kind is postponed, kept with its due instant, and claimable again only afterwards", PostponeTimerAsync));

    /// <summary>Gets a case by name.</summary>
    /// <param name="name">The case's <see cref="StoreContractCase.Name"/>.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No case has that name.</exception>
    public static StoreContractCase Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var contractCase in Cases)
        {
            if (string.Equals(contractCase.Name, name, StringComparison.Ordinal))
            {
                return contractCase;
            }
        }

        throw new KeyNotFoundException($"The store contract has no case named '{name}'.");
    }

    /// <summary>Runs every case, each against a fresh store, and stops at the first violation.</summary>
    /// <param name="createStore">Creates a fresh, empty store.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A task that completes when the store honours the whole contract.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createStore"/> is null.</exception>
    /// <exception cref="StoreContractException">The store breaks a case.</exception>
    public static async Task RunAllAsync(Func<IEcomStore> createStore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(createStore);
        foreach (var contractCase in Cases)
        {
            await contractCase.RunAsync(createStore, cancellationToken).ConfigureAwait(false);
        }
    }

    private static StoreContractCase Define(string name, Func<IEcomStore, CancellationToken, Task> check)
        => new(name, async (createStore, cancellationToken) =>
        {
            ArgumentNullException.ThrowIfNull(createStore);
            var store = createStore() ?? throw new StoreContractException($"[{name}] The store factory returned null.");
            try
            {
                await check(store, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreContractException violation)
            {
                throw new StoreContractException($"[{name}] {violation.Message}", violation.InnerException);
            }
        });

    private static async Task LoadMissingAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        Equal(null, await store.LoadAsync(Key("missing"), cancellationToken).ConfigureAwait(false), "Load of a missing aggregate");
        Equal(null, await store.FindCommandAsync(Command("missing"), cancellationToken).ConfigureAwait(false), "Record of an unknown command");
        Equal(0, (await store.ReadAuditAsync(Key("missing"), cancellationToken).ConfigureAwait(false)).Count, "Audit entries of a missing aggregate");
    }

    private static async Task SaveNewAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var key = Key("a");
        await store.SaveAsync(Change("c1", key, 0), cancellationToken).ConfigureAwait(false);
        Equal(new StoredAggregate(key, 1, State("c1", 1)), await store.LoadAsync(key, cancellationToken).ConfigureAwait(false), "Load after the first save");

        await store.SaveAsync(Change("c2", key, 1), cancellationToken).ConfigureAwait(false);
        Equal(new StoredAggregate(key, 2, State("c2", 2)), await store.LoadAsync(key, cancellationToken).ConfigureAwait(false), "Load after the second save");
    }

    private static async Task StaleVersionAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var key = Key("a");
        await store.SaveAsync(Change("c1", key, 0), cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(Change("c2", key, 1), cancellationToken).ConfigureAwait(false);
        await ExpectConflictAsync(store, Change("stale", key, 1, events: 2, Timer("t-stale", key, At(9))), [key], key, 1, 2, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExpectedZeroForExistingAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var key = Key("a");
        await store.SaveAsync(Change("c1", key, 0), cancellationToken).ConfigureAwait(false);
        await ExpectConflictAsync(store, Change("again", key, 0), [key], key, 0, 1, cancellationToken).ConfigureAwait(false);
    }

    private static Task ExpectedVersionForMissingAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var key = Key("missing");
        return ExpectConflictAsync(store, Change("ahead", key, 3), [key], key, 3, 0, cancellationToken);
    }

    private static async Task DuplicateCommandAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var first = Key("a");
        var other = Key("b");
        await store.SaveAsync(Change("c1", first, 0), cancellationToken).ConfigureAwait(false);
        var recordBefore = await store.FindCommandAsync(Command("c1"), cancellationToken).ConfigureAwait(false);

        var repeat = Change("c1", other, 0, events: 1, Timer("t-repeat", other, At(5)));
        var keys = new[] { first, other };
        var before = await ContractSnapshot.TakeAsync(store, keys, cancellationToken).ConfigureAwait(false);
        var duplicate = await ThrowsAsync<DuplicateCommandException>(() => store.SaveAsync(repeat, cancellationToken).AsTask(), "Save with a recorded command ID").ConfigureAwait(false);
        Equal(Command("c1"), duplicate.CommandId, "DuplicateCommandException.CommandId");
        await before.CheckUnchangedAsync(store, keys, recordBefore, repeat, "Duplicate command", cancellationToken).ConfigureAwait(false);
    }

    private static async Task RecordRoundTripAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var key = Key("a");
        var accepted = Change("accepted", key, 0);
        await store.SaveAsync(accepted, cancellationToken).ConfigureAwait(false);
        Equal(accepted.Record, await store.FindCommandAsync(accepted.Record.CommandId, cancellationToken).ConfigureAwait(false), "Record of an accepted command");

        var refused = Refused("refused", key, 1) with { Target = Key("other") };
        await store.SaveAsync(new ChangeSet(refused, [], [], [], []), cancellationToken).ConfigureAwait(false);
        Equal(refused, await store.FindCommandAsync(refused.CommandId, cancellationToken).ConfigureAwait(false), "Record of a refused command");
    }

    private static async Task FindCommandAndLoadAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var key = Key("a");
        var missing = Key("missing");
        await ExpectCombinedAsync(store, Command("c1"), key, "Before any save", cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(Change("c1", key, 0), cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(Change("c2", key, 1), cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(new ChangeSet(Refused("refused", missing, 0), [], [], [], []), cancellationToken).ConfigureAwait(false);

        await ExpectCombinedAsync(store, Command("c1"), key, "A recorded command and its existing target", cancellationToken).ConfigureAwait(false);
        await ExpectCombinedAsync(store, Command("new"), key, "An unknown command and an existing target", cancellationToken).ConfigureAwait(false);
        await ExpectCombinedAsync(store, Command("refused"), missing, "A refused command and a missing target", cancellationToken).ConfigureAwait(false);
        await ExpectCombinedAsync(store, Command("new"), missing, "An unknown command and a missing target", cancellationToken).ConfigureAwait(false);
        var (record, target) = await store.FindCommandAndLoadAsync(Command("c2"), key, cancellationToken).ConfigureAwait(false);
        Equal(new StoredAggregate(key, 2, State("c2", 2)), target, "Target loaded with the record of its last command");
        Equal(2L, record?.Version, "Version in the record of the last command");
    }

    private static async Task ExpectCombinedAsync(IEcomStore store, CommandId commandId, AggregateKey key, string what, CancellationToken cancellationToken)
    {
        var (record, target) = await store.FindCommandAndLoadAsync(commandId, key, cancellationToken).ConfigureAwait(false);
        Equal(await store.FindCommandAsync(commandId, cancellationToken).ConfigureAwait(false), record, what + ": record");
        Equal(await store.LoadAsync(key, cancellationToken).ConfigureAwait(false), target, what + ": target");
    }

    private static async Task RefusalAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var key = Key("a");
        var keys = new[] { key };
        var before = await ContractSnapshot.TakeAsync(store, keys, cancellationToken).ConfigureAwait(false);
        var refusal = new ChangeSet(Refused("refused", key, 0), [], [], [], []);
        await store.SaveAsync(refusal, cancellationToken).ConfigureAwait(false);

        // Everything but the record stays as it was: compare against a snapshot that expects the record.
        await before.CheckUnchangedAsync(store, keys, refusal.Record, refusal, "Refusal", cancellationToken).ConfigureAwait(false);
    }

    private static async Task AuditRoundTripAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var a = Key("a");
        var b = Key("b");
        await store.SaveAsync(Change("a1", a, 0), cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(Change("b1", b, 0), cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(Change("a2", a, 1) with { Audit = [Audit("a2", a, 2, why: null)] }, cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(Change("a3", a, 2), cancellationToken).ConfigureAwait(false);

        SequenceEqual([Audit("a1", a, 1), Audit("a2", a, 2, why: null), Audit("a3", a, 3)],
            await store.ReadAuditAsync(a, cancellationToken).ConfigureAwait(false), $"Audit trail of {a}");
        SequenceEqual([Audit("b1", b, 1)], await store.ReadAuditAsync(b, cancellationToken).ConfigureAwait(false), $"Audit trail of {b}");
    }

    private static async Task OutboxOrderAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var inspection = Inspection(store);
        var a = Key("a");
        var b = Key("b");
        var first = Change("c1", a, 0, events: 2);
        var second = Change("c2", b, 0, events: 1);
        var third = Change("c3", a, 1, events: 3);
        await store.SaveAsync(first, cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(second, cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(third, cancellationToken).ConfigureAwait(false);

        var stored = await inspection.ReadOutboxAsync(cancellationToken).ConfigureAwait(false);
        SequenceEqual([.. first.Outbox, .. second.Outbox, .. third.Outbox], stored.Select(m => m.Message).ToArray(), "Outbox messages");
        for (var i = 0; i < stored.Count; i++)
        {
            True(!stored[i].IsDelivered, $"Outbox message {stored[i].Message.IdempotencyKey} is new but marked delivered.");
            if (i > 0 && stored[i].Sequence <= stored[i - 1].Sequence)
            {
                throw new StoreContractException(string.Create(CultureInfo.InvariantCulture,
                    $"Outbox sequence numbers must increase in commit order: {stored[i - 1].Sequence} is followed by {stored[i].Sequence}."));
            }
        }
    }

    private static async Task MultiAggregateAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var existing = Key("existing");
        var fresh = Key("fresh");
        await store.SaveAsync(Change("c1", existing, 0), cancellationToken).ConfigureAwait(false);

        // The valid write comes first, so a store applying writes one by one would leave it behind.
        var change = Change("both", fresh, 0, events: 1, Timer("t-both", fresh, At(7)));
        var both = change with { Writes = [.. change.Writes, new AggregateWrite(existing, 0, State("both", 1))] };
        await ExpectConflictAsync(store, both, [existing, fresh], existing, 0, 1, cancellationToken).ConfigureAwait(false);

        var fixedUp = change with { Record = Accepted("both-2", fresh, 1), Writes = [.. change.Writes, new AggregateWrite(existing, 1, State("both-2", 2))] };
        await store.SaveAsync(fixedUp, cancellationToken).ConfigureAwait(false);
        Equal(2L, (await store.LoadAsync(existing, cancellationToken).ConfigureAwait(false))?.Version ?? 0, $"Version of {existing} after the valid multi-aggregate save");
        Equal(1L, (await store.LoadAsync(fresh, cancellationToken).ConfigureAwait(false))?.Version ?? 0, $"Version of {fresh} after the valid multi-aggregate save");
    }

    private static async Task TimersAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var inspection = Inspection(store);
        var key = Key("a");
        await store.SaveAsync(Change("c1", key, 0, events: 0, Timer("t1", key, At(10)), Timer("t2", key, At(20)), Timer("t3", key, At(30))), cancellationToken).ConfigureAwait(false);
        SequenceEqual([Timer("t1", key, At(10)), Timer("t2", key, At(20)), Timer("t3", key, At(30))],
            await inspection.ReadTimersAsync(cancellationToken).ConfigureAwait(false), "Timers after scheduling three");

        await store.SaveAsync(Change("c2", key, 1, events: 0, Timer("t1", key, At(40)), Timer("t2", key, null), Timer("never", key, null)), cancellationToken).ConfigureAwait(false);
        SequenceEqual([Timer("t3", key, At(30)), Timer("t1", key, At(40))],
            await inspection.ReadTimersAsync(cancellationToken).ConfigureAwait(false), "Timers after moving t1, cancelling t2 and cancelling an unknown timer");
    }

    // SLA-8: a calendar change moves pending timers; ListTimersAsync finds them without claiming them.
    private static async Task RescheduledTimerAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var timers = store as ITimerStore ?? throw new StoreContractException($"{store.GetType().Name} must implement {nameof(ITimerStore)} for the timer cases.");
        var key = Key("a");
        await store.SaveAsync(Change("c1", key, 0, events: 0, Timer("t1", key, At(10)), Timer("t2", key, At(20)), Timer("t0", key, At(20)), Timer("t3", key, At(30))), cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(Change("c2", key, 1, events: 0, Timer("t1", key, At(40))), cancellationToken).ConfigureAwait(false);

        string[] Ids(IReadOnlyList<DueTimer> listed) => [.. listed.Select(t => $"{t.TimerId}@{t.DueAt.ToUnixTimeSeconds()}")];
        var all = await timers.ListTimersAsync(At(15), 10, null, cancellationToken).ConfigureAwait(false);
        SequenceEqual(["t0@" + At(20).ToUnixTimeSeconds(), "t2@" + At(20).ToUnixTimeSeconds(), "t3@" + At(30).ToUnixTimeSeconds(), "t1@" + At(40).ToUnixTimeSeconds()],
            Ids(all), "Timers due from 15, after t1 moved from 10 to 40");
        Equal(key, all[0].Target, "A listed timer's aggregate");
        Equal("sla-breach", all[0].Kind, "A listed timer's kind");

        var first = await timers.ListTimersAsync(At(15), 2, null, cancellationToken).ConfigureAwait(false);
        var second = await timers.ListTimersAsync(At(15), 2, first[^1], cancellationToken).ConfigureAwait(false);
        var third = await timers.ListTimersAsync(At(15), 2, second[^1], cancellationToken).ConfigureAwait(false);
        SequenceEqual(Ids(all), [.. Ids(first), .. Ids(second)], "Two pages of two listed timers");
        Equal(0, third.Count, "Timers after the last page");
        Equal(2, (await timers.ListTimersAsync(At(25), 10, null, cancellationToken).ConfigureAwait(false)).Count, "Timers due from 25: t3 and t1 (listing claims nothing)");

        Equal(0, (await timers.ClaimDueTimersAsync("w", 10, At(15), NodaTime.Duration.FromMinutes(1), cancellationToken).ConfigureAwait(false)).Count,
            "Timers claimed at 15: t1 moved to 40");
        SequenceEqual(["t0", "t2", "t3", "t1"], [.. (await timers.ClaimDueTimersAsync("w", 10, At(45), NodaTime.Duration.FromMinutes(1), cancellationToken).ConfigureAwait(false)).Select(t => t.TimerId)],
            "Timers claimed at 45, earliest first");
    }

    private static async Task CancelledSaveAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var key = Key("a");
        var keys = new[] { key };
        var before = await ContractSnapshot.TakeAsync(store, keys, cancellationToken).ConfigureAwait(false);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);
        var change = Change("cancelled", key, 0, events: 1, Timer("t-cancelled", key, At(3)));
        await ThrowsAsync<OperationCanceledException>(() => store.SaveAsync(change, cancelled.Token).AsTask(), "Save with a cancelled token").ConfigureAwait(false);
        await before.CheckUnchangedAsync(store, keys, null, change, "Cancelled save", cancellationToken).ConfigureAwait(false);
    }

    private static async Task ConcurrentSavesAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var key = Key("a");
        await store.SaveAsync(Change("c0", key, 0), cancellationToken).ConfigureAwait(false);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = new Task<Exception?>[ConcurrentWriters];
        for (var i = 0; i < writers.Length; i++)
        {
            var change = Change("w" + i.ToString(CultureInfo.InvariantCulture), key, 1);
            writers[i] = Task.Run(async () =>
            {
                await start.Task.ConfigureAwait(false);
                try
                {
                    await store.SaveAsync(change, cancellationToken).ConfigureAwait(false);
                    return null;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return e;
                }
            }, cancellationToken);
        }

        start.SetResult();
        var outcomes = await Task.WhenAll(writers).ConfigureAwait(false);
        var winner = -1;
        for (var i = 0; i < outcomes.Length; i++)
        {
            switch (outcomes[i])
            {
                case null:
                    True(winner < 0, $"Two concurrent saves expecting version 1 both succeeded (w{winner} and w{i}).");
                    winner = i;
                    break;
                case ConcurrencyConflictException conflict:
                    Equal(1L, conflict.ExpectedVersion, "ConcurrencyConflictException.ExpectedVersion of a losing writer");
                    Equal(2L, conflict.ActualVersion, "ConcurrencyConflictException.ActualVersion of a losing writer");
                    break;
                default:
                    throw new StoreContractException($"A concurrent save threw {outcomes[i]!.GetType().Name} instead of ConcurrencyConflictException: {outcomes[i]!.Message}", outcomes[i]);
            }
        }

        True(winner >= 0, "No concurrent save succeeded.");
        var winnerId = "w" + winner.ToString(CultureInfo.InvariantCulture);
        Equal(new StoredAggregate(key, 2, State(winnerId, 2)), await store.LoadAsync(key, cancellationToken).ConfigureAwait(false), "Aggregate after the concurrent saves");
        Equal(2, (await store.ReadAuditAsync(key, cancellationToken).ConfigureAwait(false)).Count, "Audit entries after the concurrent saves");
        for (var i = 0; i < outcomes.Length; i++)
        {
            var record = await store.FindCommandAsync(Command("w" + i.ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
            True((record is not null) == (i == winner), $"Only the winning writer's command may be recorded; w{i} is {(record is null ? "not " : string.Empty)}recorded.");
        }
    }

    private static async Task ExpectConflictAsync(IEcomStore store, ChangeSet change, AggregateKey[] keys, AggregateKey conflicting, long expected, long actual, CancellationToken cancellationToken)
    {
        var before = await ContractSnapshot.TakeAsync(store, keys, cancellationToken).ConfigureAwait(false);
        var conflict = await ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(change, cancellationToken).AsTask(),
            $"Save of {conflicting} expecting version {expected} when the store has {actual}").ConfigureAwait(false);
        Equal(conflicting, conflict.Key, "ConcurrencyConflictException.Key");
        Equal(expected, conflict.ExpectedVersion, "ConcurrencyConflictException.ExpectedVersion");
        Equal(actual, conflict.ActualVersion, "ConcurrencyConflictException.ActualVersion");
        await before.CheckUnchangedAsync(store, keys, null, change, "Conflicting save", cancellationToken).ConfigureAwait(false);
    }
}

using EcomRules.Commands;
using EcomRules.Ports;
using static EcomRules.Testing.ContractCheck;
using static EcomRules.Testing.ContractFixtures;

namespace EcomRules.Testing;

/// <content>The case about reading several aggregates at once (what a command that reads more than its target asks).</content>
public static partial class StoreContract
{
    private static async Task LoadManyAsync(IEcomStore store, CancellationToken cancellationToken)
    {
        var a = Key("a");
        var b = Key("b");
        var missing = Key("missing");
        SequenceEqual([], await store.LoadManyAsync([], cancellationToken).ConfigureAwait(false), "LoadMany of no keys");
        SequenceEqual([], await store.LoadManyAsync([a, missing], cancellationToken).ConfigureAwait(false), "LoadMany before any save");
        await store.SaveAsync(Change("a1", a, 0), cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(Change("a2", a, 1), cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(Change("b1", b, 0), cancellationToken).ConfigureAwait(false);
        var storedA = await store.LoadAsync(a, cancellationToken).ConfigureAwait(false);
        var storedB = await store.LoadAsync(b, cancellationToken).ConfigureAwait(false);
        Equal(new StoredAggregate(a, 2, State("a2", 2)), storedA, "Load of a");

        SequenceEqual([storedB!, storedA!], await store.LoadManyAsync([b, missing, a], cancellationToken).ConfigureAwait(false), "LoadMany: existing ones in key order, missing left out");
        SequenceEqual([storedA!, storedB!], await store.LoadManyAsync([a, b, a, missing], cancellationToken).ConfigureAwait(false), "LoadMany: a key listed twice loaded once, at its first position");

        var (record, target, others) = await store.FindCommandAndLoadManyAsync(Command("a2"), a, [missing, b], cancellationToken).ConfigureAwait(false);
        Equal(await store.FindCommandAsync(Command("a2"), cancellationToken).ConfigureAwait(false), record, "FindCommandAndLoadMany: record of a recorded command");
        Equal(storedA, target, "FindCommandAndLoadMany: its existing target");
        SequenceEqual([storedB!], others, "FindCommandAndLoadMany: the others that exist");

        (record, target, others) = await store.FindCommandAndLoadManyAsync(Command("new"), missing, [a], cancellationToken).ConfigureAwait(false);
        Equal(null, record, "FindCommandAndLoadMany: record of an unknown command");
        Equal(null, target, "FindCommandAndLoadMany: a missing target");
        SequenceEqual([storedA!], others, "FindCommandAndLoadMany: the other beside a missing target");

        (record, target, others) = await store.FindCommandAndLoadManyAsync(Command("b1"), b, [], cancellationToken).ConfigureAwait(false);
        Equal(await store.FindCommandAsync(Command("b1"), cancellationToken).ConfigureAwait(false), record, "FindCommandAndLoadMany without others: record");
        Equal(storedB, target, "FindCommandAndLoadMany without others: target");
        SequenceEqual([], others, "FindCommandAndLoadMany without others: no others");
    }
}

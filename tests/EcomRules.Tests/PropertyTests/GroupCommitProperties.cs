using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Testing;
using EcomRules.Tests.Sqlite;
using FsCheck.Xunit;

namespace EcomRules.Tests.PropertyTests;

/// <summary>
/// Group commit is linearizable per aggregate (issue 19): however concurrent read-modify-write commands interleave
/// over batches, each aggregate ends as if its commands had run one after another in the order of its audit trail.
/// </summary>
public sealed class GroupCommitProperties
{
    private const int Aggregates = 3;

    /// <summary>
    /// Every operation (aggregate <c>|op| % 3</c>, amount <c>|op| % 7 + 1</c>) loads its aggregate, adds its amount and
    /// saves with the loaded version, retrying on a conflict as the engine does; all run at once, so saves meet in
    /// batches and some conflict inside one. Afterwards each aggregate's version is its number of operations, its
    /// audit versions run 1..n, replaying the audit's amounts in that order gives its counter, and its state names the
    /// command of its last audit entry: the outcome of a serial order.
    /// </summary>
    [Property(MaxTest = 15)]
    [Trait("Rule", "SEC-3")]
    public bool Concurrent_commands_over_batches_end_as_some_serial_order(int[] ops)
    {
        using var db = new SqliteTestDatabase();
        using var store = SqliteGroupCommitTests.Open(db, TimeSpan.FromMilliseconds(2));
        Task.WhenAll(ops.Select((op, i) => Task.Run(() => ApplyAsync(store, i, op)))).GetAwaiter().GetResult();

        for (var a = 0; a < Aggregates; a++)
        {
            var mine = ops.Where(op => Math.Abs(op % Aggregates) == a).ToArray();
            var stored = store.LoadAsync(SqliteGroupCommitTests.Key("g" + a)).AsTask().GetAwaiter().GetResult();
            if (mine.Length == 0)
            {
                if (stored is not null)
                {
                    return false;
                }

                continue;
            }

            var audit = store.ReadAuditAsync(SqliteGroupCommitTests.Key("g" + a)).AsTask().GetAwaiter().GetResult();
            var state = (ContractState)stored!.State;
            var replayed = 0;
            var serial = true;
            for (var v = 0; v < audit.Count; v++)
            {
                replayed += int.Parse(audit[v].Change[1..], System.Globalization.CultureInfo.InvariantCulture);
                serial &= audit[v].Version == v + 1;
            }

            if (!serial || stored.Version != mine.Length || audit.Count != mine.Length || replayed != mine.Sum(Amount) || state.Counter != replayed
                || state.Name != audit[^1].CommandId.Value)
            {
                return false;
            }
        }

        return store.CheckIntegrityAsync().AsTask().GetAwaiter().GetResult() == "ok";
    }

    private static int Amount(int op) => Math.Abs(op % 7) + 1;

    private static async Task ApplyAsync(EcomRules.Sqlite.SqliteEcomStore store, int index, int op)
    {
        var key = SqliteGroupCommitTests.Key("g" + Math.Abs(op % Aggregates));
        var command = "op-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            var current = await store.LoadAsync(key);
            var version = current?.Version ?? 0;
            var counter = current is null ? 0 : ((ContractState)current.State).Counter;
            var changes = SqliteGroupCommitTests.Change(command, key, version, counter + Amount(op), "+" + Amount(op).ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                await store.SaveAsync(changes);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // Another command saved first: read again and redo, as EcomEngine does.
            }
        }
    }
}

using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.CrashTest;

/// <summary>The engine's store in a child: the SQLite store, SIGKILLing the process at its <see cref="KillPoint"/> save.</summary>
/// <param name="inner">The SQLite store.</param>
/// <param name="kill">Where to die, if anywhere.</param>
/// <param name="databaseFile">The database file: a kill "during" a save fires on the first write to its write-ahead log.</param>
internal sealed class KillingStore(IEcomStore inner, KillPoint? kill, string databaseFile) : IEcomStore
{
    public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default) => inner.LoadAsync(key, cancellationToken);

    public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default) => inner.FindCommandAsync(commandId, cancellationToken);

    public ValueTask<(IdempotencyRecord? Record, StoredAggregate? Target)> FindCommandAndLoadAsync(CommandId commandId, AggregateKey target, CancellationToken cancellationToken = default)
        => inner.FindCommandAndLoadAsync(commandId, target, cancellationToken);

    public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default) => inner.ReadAuditAsync(key, cancellationToken);

    public async ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        if (kill is null || !kill.Hits("save", changes.Audit.Count > 0 ? changes.Audit[0].Action : null))
        {
            await inner.SaveAsync(changes, cancellationToken);
            return;
        }

        switch (kill.Mode)
        {
            case "before":
                KillPoint.Die(); // everything of this command is prepared, nothing committed
                break;
            case "during":
                // Dies as soon as SQLite starts writing this transaction's frames to the log (inotify), mid-commit.
                var path = Path.GetFullPath(databaseFile);
                using (var log = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "-wal") { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size })
                {
                    log.Changed += (_, _) => KillPoint.Die();
                    log.EnableRaisingEvents = true;
                    await inner.SaveAsync(changes, cancellationToken);
                }

                KillPoint.Die(); // the watcher was slower than the commit: a crash just after it
                break;
            default:
                await inner.SaveAsync(changes, cancellationToken);
                KillPoint.Die(); // committed; the engine, dispatcher or scheduler never hears back
                break;
        }
    }
}

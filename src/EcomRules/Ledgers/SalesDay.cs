using System.Collections.Immutable;
using NodaTime;

namespace EcomRules.Ledgers;

/// <summary>
/// The sales of one working day (FIN-1): the payments, refunds and cancellations recorded for it, and whether its
/// ledger has closed. Immutable; every accepted command produces a new instance. An entry recorded after the close is
/// kept and flags the day, so nothing that happened is hidden.
/// </summary>
public sealed record SalesDay
{
    private SalesDay(SalesDayId id) => Id = id;

    /// <summary>Gets the day's ID.</summary>
    public SalesDayId Id { get; private init; }

    /// <summary>Gets the working day.</summary>
    public LocalDate Day => Id.Day;

    /// <summary>Gets the entries, in the order they were recorded.</summary>
    public ImmutableArray<SalesEntry> Entries { get; private init; } = [];

    /// <summary>Gets when the ledger closed, or null while it is open.</summary>
    public Instant? ClosedAt { get; private init; }

    /// <summary>Gets how many entries the ledger had when it closed (0 while open).</summary>
    public int EntriesAtClose { get; private init; }

    /// <summary>Gets whether the ledger has closed.</summary>
    public bool IsClosed => ClosedAt is not null;

    /// <summary>Gets how many entries were recorded after the close.</summary>
    public int LateEntries => IsClosed ? Entries.Length - EntriesAtClose : 0;

    /// <summary>Computes the day's ledger from its entries (FIN-1).</summary>
    /// <returns>The ledger.</returns>
    public DailyLedger Ledger() => DailyLedger.Build(Day, Entries, LateEntries);

    /// <inheritdoc />
    public override string ToString() => $"Sales day {Id} ({Entries.Length} entries, {(IsClosed ? "closed" : "open")})";

    internal static SalesDay Empty(SalesDayId id) => new(id);

    // Persistence (EcomSerializer): rebuilds a stored state; the caller has validated each value.
    internal static SalesDay Rehydrate(SalesDayId id, ImmutableArray<SalesEntry> entries, Instant? closedAt, int entriesAtClose)
        => new(id) { Entries = entries, ClosedAt = closedAt, EntriesAtClose = entriesAtClose };

    internal bool Has(string reference)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Reference, reference, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal SalesDay Recording(SalesEntry entry) => this with { Entries = Entries.Add(entry) };

    internal SalesDay Closing(Instant at) => this with { ClosedAt = at, EntriesAtClose = Entries.Length };
}

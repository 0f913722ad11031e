using EcomRules.Commands;
using EcomRules.Ports;
using EcomRules.Testing;

namespace EcomRules.Tests.Testing;

public sealed class InMemoryStoreContractTests
{
    public static TheoryData<string> CaseNames => new(StoreContract.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    [Trait("Rule", "SEC-3")]
    public Task InMemoryStore_HonoursContract(string name)
        => StoreContract.Get(name).RunAsync(() => new InMemoryEcomStore(), CancellationToken.None);

    [Fact]
    public void Cases_HaveUniqueNames()
        => Assert.Equal(StoreContract.Cases.Count, StoreContract.Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public async Task RunAll_Passes()
        => await StoreContract.RunAllAsync(() => new InMemoryEcomStore());

    [Fact]
    public async Task Contract_CatchesStoreThatSavesWritesOneByOne()
    {
        var violation = await Assert.ThrowsAsync<StoreContractException>(() => StoreContract
            .Get("A change set writing several aggregates is all or nothing")
            .RunAsync(() => new OneWriteAtATimeStore(), CancellationToken.None));
        Assert.Contains("all or nothing", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contract_NamesTheMissingInspection()
    {
        var violation = await Assert.ThrowsAsync<StoreContractException>(() => StoreContract
            .Get("Timers are upserted by ID and cancelled by a null due instant")
            .RunAsync(() => new OneWriteAtATimeStore(), CancellationToken.None));
        Assert.Contains(nameof(IEcomStoreInspection), violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownName_Throws()
        => Assert.Throws<KeyNotFoundException>(() => StoreContract.Get("no such case"));
}

/// <summary>A broken adapter: commits each write of a change set on its own, so a later conflict leaves earlier writes behind.</summary>
internal sealed class OneWriteAtATimeStore : IEcomStore
{
    private readonly InMemoryEcomStore _inner = new();

    public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default) => _inner.LoadAsync(key, cancellationToken);

    public ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default) => _inner.FindCommandAsync(commandId, cancellationToken);

    public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default) => _inner.ReadAuditAsync(key, cancellationToken);

    public async ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < changes.Writes.Count; i++)
        {
            var record = changes.Record with { CommandId = new CommandId($"{changes.Record.CommandId}#{i}") };
            var last = i == changes.Writes.Count - 1;
            await _inner.SaveAsync(new ChangeSet(last ? changes.Record : record, [changes.Writes[i]], last ? changes.Audit : [], last ? changes.Outbox : [], last ? changes.Timers : []), cancellationToken);
        }
    }
}

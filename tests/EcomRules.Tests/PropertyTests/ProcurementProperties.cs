using EcomRules.Commands;
using EcomRules.Stock;
using EcomRules.Tests.Stock;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EcomRules.Tests.PropertyTests;

/// <summary>A procurement request of <see cref="Fen"/> fen and the signatures attempted on it (true: sign-off, false: approval) by actors.</summary>
public sealed record ProcurementRun(long Fen, (bool SignOff, int Actor)[] Plan)
{
    /// <inheritdoc />
    public override string ToString() => $"{Fen} fen: {string.Join(", ", Plan.Select(p => (p.SignOff ? "sign-off" : "approve") + " by " + p.Actor))}";
}

[Properties(Arbitrary = [typeof(ProcurementProperties)])]
public sealed class ProcurementProperties
{
    private static readonly Actor[] Actors =
    [
        ProcurementTests.Buyer, ProcurementTests.Operations, ProcurementTests.Chairman, new("ops-2", ActorRole.Operations), new("chair-2", ActorRole.Chairman),
        new("ops-9", ActorRole.Operations), new("wh-5", ActorRole.Warehouse),
    ];

    [Property]
    [Trait("Rule", "WH-5")]
    public bool WH5_no_procurement_above_the_threshold_is_approved_without_the_chairman(ProcurementRun run)
    {
        var f = new StockFixture();
        var id = new ProcurementRequestId("P-1");
        if (!f.Run(new RequestProcurement(f.NextId(), ProcurementTests.Buyer, StockFixture.Now, id, StockFixture.Main, 1, Money.FromFen(run.Fen), "restock")).IsAccepted)
        {
            return false;
        }

        foreach (var (signOff, actor) in run.Plan)
        {
            f.Run(signOff ? new SignOffProcurement(f.NextId(), Actors[actor], StockFixture.Now, id) : new ApproveProcurement(f.NextId(), Actors[actor], StockFixture.Now, id));
        }

        var request = (ProcurementRequest)f.Store.LoadAsync(id.Key).Result!.State;
        var signers = request.Signatures.Select(s => s.ActorId).ToList();
        var wellSigned = !signers.Contains(request.RequestedBy, StringComparer.Ordinal) && signers.Distinct(StringComparer.Ordinal).Count() == signers.Count;
        return request.State != ProcurementState.Approved
            || (wellSigned && request.Signatures[0].Role == ActorRole.Operations
                && (request.Amount <= ProcurementRequest.ChairmanThreshold ? request.Signatures.Length == 1 : request.Signatures.Length == 2 && request.Signatures[1].Role == ActorRole.Chairman));
    }

    /// <summary>Amounts around the threshold; plans of up to six attempts by any actor.</summary>
    public static Arbitrary<ProcurementRun> Runs() => Arb.From(
        from fen in Gen.OneOf(Gen.Choose(99_990, 100_010), Gen.Choose(1, 1_000_000)).Select(v => (long)v)
        from plan in Gen.ArrayOf(from signOff in Gen.Elements(false, true) from actor in Gen.Choose(0, Actors.Length - 1) select (signOff, actor))
        select new ProcurementRun(fen, plan),
        r => Shrinks.Array(r.Plan).Select(p => r with { Plan = p }));
}

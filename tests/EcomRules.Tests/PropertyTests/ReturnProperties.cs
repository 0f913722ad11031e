using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Tests.Returns;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

/// <summary>One generated return command: which of eight (see <c>ReturnProperties.Command</c>), a flag it uses, the day.</summary>
public readonly record struct ReturnStep(int Kind, bool Flag, int Days);

/// <summary>Units of one SKU, each on a line of its own at <see cref="Fen"/>, and the units each return case takes back in turn.</summary>
public sealed record PricedReturns(int[] Fen, int[] Cases)
{
    /// <inheritdoc />
    public override string ToString() => $"units at [{string.Join(", ", Fen)}] fen, returned [{string.Join(", ", Cases)}]";
}

[Properties(Arbitrary = [typeof(ReturnProperties)])]
public sealed class ReturnProperties
{
    private static readonly OrderId OrderId = new("P-2");
    private static readonly ReturnCaseId CaseId = new(OrderId, "R");

    [Property]
    [Trait("Rule", "RET-4")]
    [Trait("Rule", "RET-1")]
    public bool A_refused_return_command_leaves_case_and_order_unchanged_and_open_returns_stay_consistent(ReturnStep[] plan)
    {
        var f = new ReturnFixture();
        f.ReceivedOrderNow(OrderId, 100m);
        foreach (var (kind, flag, days) in plan)
        {
            var caseBefore = f.LoadNow(CaseId.Key);
            var orderBefore = f.LoadNow(OrderId.Key)!;
            var at = ReturnFixture.At(2026, 3, 2) + Duration.FromDays(days) + Duration.FromHours(1);
            var decision = f.RunNow(Command(f, kind, flag, at));
            var caseAfter = f.LoadNow(CaseId.Key);
            var orderAfter = f.LoadNow(OrderId.Key)!;
            if (decision.IsRefused && (!ReferenceEquals(caseBefore?.State, caseAfter?.State) || caseBefore?.Version != caseAfter?.Version
                || !ReferenceEquals(orderBefore.State, orderAfter.State) || orderBefore.Version != orderAfter.Version))
            {
                return false;
            }

            // The order counts the case as open exactly while it is not archived.
            var open = caseAfter?.State is ReturnCase { State: not ReturnState.Archived } ? 1 : 0;
            if (((Order)orderAfter.State).OpenReturns != open)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    [Trait("Rule", "REF-1")]
    [Trait("Rule", "RET-6")]
    public bool REF1_returns_of_an_sku_on_lines_at_different_prices_never_exceed_what_they_cost_nor_fall_a_fen_short_per_case(PricedReturns plan)
    {
        var f = new ReturnFixture();
        f.ReceivedOrderNow(OrderId, [.. plan.Fen.Select(fen => new OrderLine("SKU-A", 1, Money.FromFen(fen)))]);
        var refunded = 0m;
        var at = ReturnFixture.At(2026, 3, 3);
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            var id = new ReturnCaseId(OrderId, "R" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var steps = new EcomCommand[]
            {
                new RequestReturn(f.NextId(), ReturnFixture.Buyer, at, id, ReturnKind.Return, ReturnReason.Other, "changed my mind", [], [new ReturnLine("SKU-A", plan.Cases[i])]),
                new DecideReturn(f.NextId(), ReturnFixture.Service, at, id, true, "ok"),
                new RecordReturnShipment(f.NextId(), ReturnFixture.Buyer, at, id, "YT1", new Money(8m)),
                new InspectReturn(f.NextId(), ReturnFixture.Warehouse, at, id, true, true),
                new RestockReturn(f.NextId(), ReturnFixture.Warehouse, at, id),
            };
            if (!steps.Select(f.RunNow).All(d => d.IsAccepted))
            {
                return false;
            }

            refunded += f.LoadNow(new RefundId(OrderId, "return-R" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Key)?.State is Refund r ? r.Amount.Yuan : 0m;
        }

        // The units returned are worth their share of what the SKU's lines cost; each case rounds its share down.
        var cost = plan.Fen.Sum(fen => (decimal)fen) / 100m;
        var share = cost * plan.Cases.Sum() / plan.Fen.Length;
        return refunded <= share && share - refunded < 0.01m * plan.Cases.Length;
    }

    /// <summary>One to six units at 0 to 1,000 yuan; the cases take back some of them in turn; shrinks drop units and cases.</summary>
    public static Arbitrary<PricedReturns> PricedReturnPlans() => Arb.From(
        from fen in Gen.Choose(0, 100_000).ArrayOf().Where(a => a.Length is >= 1 and <= 6)
        from cases in Gen.Choose(1, fen.Length).ArrayOf().Where(c => c.Length >= 1 && c.Sum() <= fen.Length)
        select new PricedReturns(fen, cases),
        p => p.Fen.Length > p.Cases.Sum() ? [p with { Fen = p.Fen[..^1] }] : p.Cases.Length > 1 ? [p with { Cases = p.Cases[..^1] }] : []);

    /// <summary>Return steps: kinds towards the request, flags off, days towards the first; plans shrink by dropping steps.</summary>
    public static Arbitrary<ReturnStep> Steps() => Arb.From(
        from kind in Gen.Choose(0, 7) from flag in Gen.Elements(false, true) from days in Gen.Choose(0, 20) select new ReturnStep(kind, flag, days),
        s => Shrinks.Int(s.Kind, 0, 7).Select(k => s with { Kind = k })
            .Concat(Shrinks.Bool(s.Flag).Select(f => s with { Flag = f }))
            .Concat(Shrinks.Int(s.Days, 0, 20).Select(d => s with { Days = d })));

    private static EcomCommand Command(ReturnFixture f, int kind, bool flag, Instant at) => kind switch
    {
        0 => f.Request(CaseId, at, flag ? ReturnKind.Exchange : ReturnKind.Return, flag ? ReturnReason.Other : ReturnReason.QualityProblem, text: flag ? "x" : null),
        1 => new DecideReturn(f.NextId(), ReturnFixture.Service, at, CaseId, flag, flag ? "ok" : "no"),
        2 => new RecordReturnShipment(f.NextId(), ReturnFixture.Buyer, at, CaseId, "YT1", new Money(8m)),
        3 => new InspectReturn(f.NextId(), ReturnFixture.Warehouse, at, CaseId, true, flag),
        4 => new ResolveNegotiation(f.NextId(), ReturnFixture.Service, at, CaseId, flag, flag ? "agreed" : " "),
        5 => new RestockReturn(f.NextId(), ReturnFixture.Warehouse, at, CaseId),
        6 => new DecideReturn(f.NextId(), ReturnFixture.Service, at, CaseId, true, " "),
        _ => f.Request(CaseId, at, ReturnKind.Repair, ReturnReason.Other, text: "x"),
    };
}

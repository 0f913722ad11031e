using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Returns;
using EcomRules.Tests.Returns;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

/// <summary>One generated return command: which of eight (see <c>ReturnProperties.Command</c>), a flag it uses, the day.</summary>
public readonly record struct ReturnStep(int Kind, bool Flag, int Days);

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

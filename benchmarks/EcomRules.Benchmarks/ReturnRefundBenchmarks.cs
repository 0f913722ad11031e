using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Shipping;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Benchmarks;

/// <summary>
/// A full return-and-refund flow through <see cref="EcomEngine"/> on the in-memory store: request → accept → ship back →
/// inspect → restock (opens the refund) → approve → review → invoice recovered → pay. Each invocation builds a fresh
/// store and a received order (7 order commands); <see cref="ReceivedOrder"/> measures that set-up alone, so the
/// difference is the 9 return and refund commands.
/// </summary>
[MemoryDiagnoser]
public class ReturnRefundBenchmarks
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Instant Received = new LocalDateTime(2026, 3, 2, 10, 0).InZoneStrictly(Zone).ToInstant();
    private static readonly Actor Buyer = new("buyer-1", ActorRole.Customer);
    private static readonly Actor Service = new("cs-1", ActorRole.CustomerService);
    private static readonly Actor Warehouse = new("wh-1", ActorRole.Warehouse);
    private static readonly OrderId Order = new("B-1");
    private static readonly ReturnCaseId Case = new(Order, "R1");
    private static readonly ImmutableArray<OrderLine> Lines = [new OrderLine("SKU-A", 3, new Money(100m)), new OrderLine("SKU-B", 1, new Money(50m))];
    private static readonly BuyerDetails BuyerDetails = new()
    {
        Kind = BuyerKind.Private, Name = "张三", ResidentId = "11010519491231002X", Mobile = "13812345678",
        Province = "广东", City = "深圳市", District = "南山区", Street = "科技园路1号", PostalCode = "518000",
    };

    private int _id;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Categories.Ci)]
    [AllocationCeiling(14 * 1024)] // 13.1 KB today
    public async Task<long> ReceivedOrder()
    {
        var engine = new EcomEngine(new InMemoryEcomStore(), EcomPolicy.RetailPlatform);
        return (await PrepareAsync(engine)).Version;
    }

    [Benchmark]
    [BenchmarkCategory(Categories.Ci)]
    [AllocationCeiling(40 * 1024)] // 38.7 KB today
    public async Task<long> ReturnAndRefund()
    {
        var engine = new EcomEngine(new InMemoryEcomStore(), EcomPolicy.RetailPlatform);
        await PrepareAsync(engine);
        var at = Received + Duration.FromDays(1);
        await Run(engine, new RequestReturn(Next(), Buyer, at, Case, ReturnKind.Return, ReturnReason.QualityProblem, null, ["photo.jpg"], [new ReturnLine("SKU-A", 2)]));
        await Run(engine, new DecideReturn(Next(), Service, at, Case, true, "meets the standard"));
        await Run(engine, new RecordReturnShipment(Next(), Buyer, at, Case, "YT1", new Money(12m)));
        await Run(engine, new InspectReturn(Next(), Warehouse, at, Case, true, true));
        await Run(engine, new RestockReturn(Next(), Warehouse, at, Case));
        var refund = new RefundId(Order, "return-R1");
        await Run(engine, new ApproveRefund(Next(), new Actor("dept-1", ActorRole.SalesDepartmentHead), at, refund));
        await Run(engine, new ReviewRefund(Next(), new Actor("fin-1", ActorRole.DivisionFinance), at, refund));
        await Run(engine, new ConfirmInvoiceRecovered(Next(), new Actor("fin-1", ActorRole.DivisionFinance), at, refund));
        return (await Run(engine, new PayRefund(Next(), new Actor("pay-1", ActorRole.HeadquartersFinance), at, refund))).Version;
    }

    private async Task<Decision> PrepareAsync(EcomEngine engine)
    {
        var t = Received - Duration.FromHours(20);
        await Run(engine, new PlaceOrder(Next(), Service, t, Order, BuyerDetails, Lines, new Money(10m)));
        await Run(engine, new PayOrder(Next(), Buyer, t, Order, new Money(360m)));
        await Run(engine, new ConfirmOrder(Next(), Service, t, Order));
        await Run(engine, new AllocateStock(Next(), Warehouse, t, Order, "DN-1"));
        await Run(engine, new RecordInvoice(Next(), Service, t, Order, "INV-1", new Money(360m)));
        await Run(engine, new RecordShipment(Next(), Warehouse, t, Order, new CarrierId("sf"), "SF1"));
        return await Run(engine, new RecordTrackingEvent(Next(), new Actor("sf", ActorRole.Carrier), Received, Order, TrackingEventKind.Signed));
    }

    private static async Task<Decision> Run(EcomEngine engine, EcomCommand command)
    {
        var decision = await engine.ExecuteAsync(command).ConfigureAwait(false);
        return decision.IsAccepted ? decision : throw new InvalidOperationException($"{command.Action} refused: {decision.RuleId} {decision.Reason}");
    }

    private CommandId Next() => new("b" + (++_id).ToString(System.Globalization.CultureInfo.InvariantCulture));
}

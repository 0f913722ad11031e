using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Shipping;
using EcomRules.Tests.Returns;
using NodaTime;

namespace EcomRules.Tests.Queues;

/// <summary>
/// The same orders, refunds and returns on any store: six paid orders with refund requests (small and large amounts,
/// one requested by the approver "lee" himself, one already approved), three received orders with returns (two
/// awaiting a decision, one shipped back awaiting inspection).
/// </summary>
internal sealed class WorkQueueScenario(EcomEngine engine)
{
    internal static readonly Instant T0 = ReturnFixture.At(2026, 3, 2, 10, 0);
    internal static readonly Actor Service = new("cs-1", ActorRole.CustomerService);
    internal static readonly Actor Lee = new("lee", ActorRole.CustomerService);
    internal static readonly Actor Head = new("dept-1", ActorRole.SalesDepartmentHead);
    private int _next;

    internal static OrderId Paid(int i) => new("P-" + i);

    internal static OrderId Received(int i) => new("R-" + i);

    internal static RefundId Refund(int i) => new(Paid(i), "1");

    internal static ReturnCaseId Return(int i) => new(Received(i), "1");

    internal async Task RunAsync()
    {
        for (var i = 1; i <= 6; i++)
        {
            // P-2 is large (≥ 5,000: headquarters approves, REF-2).
            await PaidOrderAsync(Paid(i), T0 + Duration.FromMinutes(i), i == 2 ? 3000m : 100m);
        }

        await Ok(new RequestRefund(Next(), Service, T0 + Duration.FromHours(1), Refund(1), new Money(100m), "late"));
        await Ok(new RequestRefund(Next(), Service, T0 + Duration.FromHours(2), Refund(2), new Money(6000m), "damaged"));
        await Ok(new RequestRefund(Next(), Lee, T0 + Duration.FromHours(3), Refund(3), new Money(50m), "goodwill"));
        await Ok(new RequestRefund(Next(), Service, T0 + Duration.FromHours(4), Refund(4), new Money(60m), "late"));
        await Ok(new ApproveRefund(Next(), Head, T0 + Duration.FromHours(5), Refund(4)));
        await Ok(new RequestRefund(Next(), Service, T0 + Duration.FromHours(5), Refund(5), new Money(70m), "late"));
        await Ok(new RequestRefund(Next(), Service, T0 + Duration.FromHours(6), Refund(6), new Money(80m), "late"));

        var receivedAt = T0 + Duration.FromDays(2);
        for (var i = 1; i <= 3; i++)
        {
            await PaidOrderAsync(Received(i), T0 + Duration.FromMinutes(i), 100m);
            await Ok(new ConfirmOrder(Next(), Service, T0 + Duration.FromHours(1), Received(i)));
            await Ok(new AllocateStock(Next(), ReturnFixture.Warehouse, T0 + Duration.FromHours(1), Received(i), "DN-" + i));
            await Ok(new RecordInvoice(Next(), Service, T0 + Duration.FromHours(1), Received(i), "INV-" + i, new Money(360m)));
            await Ok(new RecordShipment(Next(), ReturnFixture.Warehouse, T0 + Duration.FromHours(2), Received(i), new CarrierId("sf"), "SF" + i));
            await Ok(new RecordTrackingEvent(Next(), new Actor("sf", ActorRole.Carrier), receivedAt, Received(i), TrackingEventKind.Signed));
        }

        for (var i = 1; i <= 3; i++)
        {
            await Ok(new RequestReturn(Next(), ReturnFixture.Buyer, receivedAt + Duration.FromHours(i), Return(i), ReturnKind.Return, ReturnReason.QualityProblem,
                null, ["photo-1.jpg"], [new ReturnLine("SKU-A", 1)]));
        }

        await Ok(new DecideReturn(Next(), Service, receivedAt + Duration.FromHours(5), Return(2), true, "meets the return standard"));
        await Ok(new RecordReturnShipment(Next(), ReturnFixture.Buyer, receivedAt + Duration.FromHours(6), Return(2), "YT1", new Money(8m)));
    }

    private async Task PaidOrderAsync(OrderId id, Instant at, decimal unitPrice)
    {
        var placed = await Ok(new PlaceOrder(Next(), Service, at, id, ReturnFixture.BuyerDetails(), ReturnFixture.Lines(unitPrice), new Money(10m)));
        await Ok(new PayOrder(Next(), ReturnFixture.Buyer, at + Duration.FromMinutes(10), id, placed.StateAs<Order>().Total));
    }

    private CommandId Next() => new("q" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<Decision> Ok(EcomCommand command)
    {
        var decision = await engine.ExecuteAsync(command);
        Assert.True(decision.IsAccepted, $"{command.Action} refused: {decision.RuleId} {decision.Reason}");
        return decision;
    }

    internal static EcomPolicy Policy => EcomPolicy.RetailPlatform;
}

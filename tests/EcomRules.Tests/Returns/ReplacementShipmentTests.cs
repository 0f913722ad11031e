using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Persistence;
using EcomRules.Returns;
using EcomRules.Returns.Events;
using EcomRules.Sla;
using EcomRules.Testing;
using EcomRules.Tests.Processing;
using NodaTime;
using static EcomRules.Tests.Processing.ProcessingFixture;

namespace EcomRules.Tests.Returns;

public sealed class ReplacementShipmentTests
{
    private static readonly Actor Service = new("cs-1", ActorRole.CustomerService);
    private static readonly Actor Buyer = new("buyer-1", ActorRole.Customer);
    private static readonly Actor Warehouse = new("wh-1", ActorRole.Warehouse);
    private static readonly Actor Carrier = new("sf", ActorRole.Carrier);
    private static readonly ReturnCaseId CaseId = new(new OrderId("o1"), "1");
    private static readonly Instant At = T0 + Duration.FromDays(2);

    [Fact]
    [Trait("Rule", "RET-5")]
    [Trait("Rule", "RET-7")]
    [Trait("Rule", "CAR-3")]
    public async Task RET5_AcceptedExchange_ShipsAReplacement_AndClosesWhenSignedFor()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await RestockedAsync(f, ReturnKind.Exchange);
        Assert.Equal(ReturnState.ReplacementRequested, (await CaseAsync(store)).State);

        await f.DrainAsync(At + Duration.FromHours(5)); // the carrier port books the replacement

        var shipped = await CaseAsync(store);
        Assert.Equal(ReturnState.ReplacementShipped, shipped.State);
        Assert.Equal(2, f.Sf.Bookings.Count); // the order's parcel, then the replacement
        Assert.Equal(f.Sf.Bookings[1].Result.TrackingNumber, shipped.ReplacementTrackingNumber);
        Assert.Equal("sf", shipped.ReplacementCarrier?.Value);
        Assert.Equal(SlaTimerPhase.Stopped, shipped.Sla("SLA-4")!.Phase); // handed to the carrier (SLA from the policy)
        Assert.Contains(f.Notifier.Sent, n => n.Template == "return-replacement-shipped" && n.Text.Contains(shipped.ReplacementTrackingNumber!, StringComparison.Ordinal));
        Assert.Equal(1, (await f.OrderAsync("o1")).OpenReturns); // still open while the replacement travels

        await f.RunAsync(new RecordReplacementTracking(new("t1"), Carrier, At + Duration.FromHours(8), CaseId, TrackingEventKind.InTransit));
        Assert.Equal(ReturnState.ReplacementShipped, (await CaseAsync(store)).State);
        var signed = await f.RunAsync(new RecordReplacementTracking(new("t2"), Carrier, At + Duration.FromDays(1), CaseId, TrackingEventKind.Signed));

        var closed = signed.StateAs<ReturnCase>();
        Assert.Equal((ReturnState.Archived, ReturnOutcome.Exchanged), (closed.State, closed.Outcome));
        Assert.Contains(signed.Events, e => e is TrackingEventRecorded { Kind: TrackingEventKind.Signed });
        Assert.Contains(signed.Events, e => e is ReturnArchived { Outcome: ReturnOutcome.Exchanged });
        Assert.Contains(signed.Events, e => e is CustomerNotificationRequested { Template: "return-closed" });
        Assert.Equal(0, (await f.OrderAsync("o1")).OpenReturns);
        Assert.Null(closed.Refund);
    }

    [Fact]
    [Trait("Rule", "RET-5")]
    public async Task RET5_Repair_ShipsTheRepairedGoodsBack_AfterTheRepair()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await RestockedAsync(f, ReturnKind.Repair);
        await f.DrainAsync(At + Duration.FromHours(5));
        Assert.Equal(ReturnState.AwaitingRepair, (await CaseAsync(store)).State);
        Assert.Single(f.Sf.Bookings); // nothing ships before the repair is done

        await f.RunAsync(new CompleteRepair(new("repaired"), Warehouse, At + Duration.FromDays(3), CaseId));
        await f.DrainAsync(At + Duration.FromDays(3));
        Assert.Equal(ReturnState.ReplacementShipped, (await CaseAsync(store)).State);
        var signed = await f.RunAsync(new RecordReplacementTracking(new("t"), Carrier, At + Duration.FromDays(4), CaseId, TrackingEventKind.Signed));

        Assert.Equal((ReturnState.Archived, ReturnOutcome.Repaired), (signed.StateAs<ReturnCase>().State, signed.StateAs<ReturnCase>().Outcome));
        Assert.Equal(2, f.Sf.Bookings.Count);
    }

    [Fact]
    [Trait("Rule", "RET-5")]
    [Trait("Rule", "CAR-2")]
    public async Task RET5_ReplacementBooking_FailsOverToTheBackup_AndBooksOneParcel()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store, new EcomRules.Processing.OutboxDispatcherOptions { InitialBackoff = Duration.FromSeconds(1) });
        await RestockedAsync(f, ReturnKind.Exchange);
        f.Sf.Behaviour = FakeCarrierBehaviour.Fail;

        await f.DrainAsync(At + Duration.FromHours(5)); // attempt 0: sf fails
        f.Sf.Behaviour = FakeCarrierBehaviour.Book;
        await f.DrainAsync(At + Duration.FromHours(6)); // attempt 1: the backup books; a redelivery would not book again
        await f.DrainAsync(At + Duration.FromHours(7));

        var shipped = await CaseAsync(store);
        Assert.Equal(ReturnState.ReplacementShipped, shipped.State);
        Assert.NotEqual("sf", shipped.ReplacementCarrier?.Value);
        Assert.Single(new[] { f.Zto, f.Ems }.SelectMany(g => g.Bookings));
        Assert.Single(f.Sf.Bookings); // the order's parcel only
    }

    [Fact]
    [Trait("Rule", "RET-5")]
    public async Task RET5_TrackingBeforeTheReplacementShips_IsRefused_AndChangesNothing()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        await RestockedAsync(f, ReturnKind.Exchange);
        var before = await store.LoadAsync(CaseId.Key);

        var early = await f.Engine.ExecuteAsync(new RecordReplacementTracking(new("t"), Carrier, At + Duration.FromHours(5), CaseId, TrackingEventKind.Signed));

        Assert.True(early.IsRefused);
        Assert.Equal(before!.Version, (await store.LoadAsync(CaseId.Key))!.Version);
    }

    [Fact]
    [Trait("Rule", "RET-5")]
    public void RET5_AReplacementRequestStoredBeforeReplacementsShipped_StillReads()
    {
        var old = new ReplacementShipmentRequested(CaseId.Key, At, new EcomRules.Inventory.WarehouseId("main"), [new ReturnLine("SKU-1", 1)]);
        var serializer = EcomSerializer.Default;

        var json = serializer.SerializeEvent(old);
        var read = Assert.IsType<ReplacementShipmentRequested>(serializer.DeserializeEvent(json));

        Assert.DoesNotContain("\"to\"", json, StringComparison.Ordinal);
        Assert.Null(read.To);
        Assert.True(read.Carriers.IsDefaultOrEmpty);
    }

    private static async Task RestockedAsync(ProcessingFixture f, ReturnKind kind)
    {
        await TimerHandlerRegistryTests.ReceivedAsync(f, "o1");
        await f.RunAsync(TimerHandlerRegistryTests.Request(CaseId, kind, At));
        await f.RunAsync(new DecideReturn(new("decide"), Service, At + Duration.FromHours(1), CaseId, true, "meets the standard"));
        await f.RunAsync(new RecordReturnShipment(new("ship"), Buyer, At + Duration.FromHours(2), CaseId, "YT1", new Money(8m)));
        await f.RunAsync(new InspectReturn(new("inspect"), Warehouse, At + Duration.FromHours(3), CaseId, true, true));
        await f.RunAsync(new RestockReturn(new("restock"), Warehouse, At + Duration.FromHours(4), CaseId));
    }

    private static async Task<ReturnCase> CaseAsync(InMemoryEcomStore store) => (ReturnCase)(await store.LoadAsync(CaseId.Key))!.State;
}

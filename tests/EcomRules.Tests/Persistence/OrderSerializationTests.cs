using System.Text.Json;
using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Sla;
using EcomRules.Tests.Orders;
using NodaTime;

namespace EcomRules.Tests.Persistence;

public sealed class OrderSerializationTests
{
    private static readonly EcomSerializer Serializer = EcomSerializer.Default;

    public static TheoryData<int, bool, bool> Journeys()
    {
        var data = new TheoryData<int, bool, bool>();
        foreach (var business in new[] { false, true })
        {
            for (var steps = 1; steps <= OrderJourney.HappyPathSteps; steps++)
            {
                data.Add(steps, business, false);
                data.Add(steps, business, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Order_InEveryState_RoundTripsByValue(int steps, bool business, bool cancel)
    {
        var journey = new OrderJourney("A-" + steps, business ? OrderScenario.BusinessBuyer() : OrderScenario.PrivateBuyer(), steps, cancel);
        var order = journey.Order!;

        var json = Serializer.SerializeAggregate(order);
        var read = Assert.IsType<Order>(Serializer.DeserializeAggregate(json));

        ValueAssert.Equal(order, read);
        Assert.Equal(json, Serializer.SerializeAggregate(read));
    }

    [Fact]
    public void Journeys_ReachEveryState()
    {
        var states = Journeys().Select(row => new OrderJourney("S", OrderScenario.PrivateBuyer(), (int)row[0], (bool)row[2]).Order!.State).ToHashSet();
        Assert.Equal(Enum.GetValues<OrderState>().Where(s => s != OrderState.Cancellable).ToHashSet(), states);
    }

    [Fact]
    public void EveryOrderEventType_RoundTripsByValue()
    {
        var events = new OrderJourney("E-1", OrderScenario.BusinessBuyer(), OrderJourney.HappyPathSteps).Events
            .Concat(new OrderJourney("E-2", OrderScenario.PrivateBuyer(), 6, cancel: true).Events)
            .Concat(TimerEvents())
            .Append(new EcomRules.Orders.Events.MerchantDispatchedLate(new OrderId("E-4").Key, NodaTime.Instant.FromUtc(2026, 3, 14, 2, 0), new EcomRules.Merchants.MerchantId("M-1"),
                NodaTime.Instant.FromUtc(2026, 3, 7, 16, 0))) // only for an order that names its merchant (MER-3), which no journey does
            .ToList();
        var eventTypes = typeof(Order).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.IsSubclassOf(typeof(DomainEvent)) && t.Namespace == "EcomRules.Orders.Events");

        // Cancelling also opens a refund (ORD-2), whose RefundRequested is round-tripped below too.
        Assert.Equal(eventTypes.OrderBy(t => t.Name), events.Select(e => e.GetType()).Where(t => t.Namespace == "EcomRules.Orders.Events").Distinct().OrderBy(t => t.Name));
        foreach (var domainEvent in events)
        {
            var json = Serializer.SerializeEvent(domainEvent);
            var read = Serializer.DeserializeEvent(json);
            ValueAssert.Equal(domainEvent, read);
            Assert.Equal(json, Serializer.SerializeEvent(read));
        }
    }

    // Raised only by the timer scheduler (RecordDeadlinePassed), never on a journey.
    private static IEnumerable<DomainEvent> TimerEvents()
    {
        var at = NodaTime.Instant.FromUtc(2026, 3, 5, 2, 0);
        yield return new EcomRules.Deadlines.SlaBreached(new OrderId("E-3").Key, at, "SLA-1", at - NodaTime.Duration.FromMinutes(1));
        yield return new EcomRules.Orders.Events.DispatchDeadlineMissed(new OrderId("E-3").Key, at, at - NodaTime.Duration.FromHours(1));
        yield return new EcomRules.Deadlines.SlaWarningRaised(new OrderId("E-3").Key, at, "SLA-1", 0.75m, at + NodaTime.Duration.FromMinutes(4));
    }

    [Fact]
    public void SlaTimers_WithPausesResetsAndReasons_AreRebuiltByReplay()
    {
        var order = new OrderJourney("T-1", OrderScenario.PrivateBuyer(), 2).Order!;
        var at = order.PaidAt!.Value;
        var paused = SlaTimer.Start(SlaDefinitions.HandedToCarrier, at)
            .Pause(at + Duration.FromMinutes(1), "waiting for stock")
            .Resume(at + Duration.FromMinutes(5))
            .Reset(at + Duration.FromMinutes(6), "re-picked")
            .Pause(at + Duration.FromMinutes(7));
        var cancelled = SlaTimer.Start(SlaDefinitions.LogisticsDetailsReported, at).Cancel(at + Duration.FromMinutes(2), "order cancelled");
        var withTimers = order.WithSlas(order.Slas.AddRange(paused, cancelled));

        var read = (Order)Serializer.DeserializeAggregate(Serializer.SerializeAggregate(withTimers));

        ValueAssert.Equal(withTimers, read);
        Assert.Equal(SlaTimerPhase.Paused, read.Sla("SLA-4")!.Phase);
        Assert.Equal(at + Duration.FromMinutes(6), read.Sla("SLA-4")!.CycleStartedAt);
    }

    [Fact]
    public void Json_HasTheDocumentedLayout()
    {
        var order = new OrderJourney("L-1", OrderScenario.BusinessBuyer(), 3).Order!;

        using var document = JsonDocument.Parse(Serializer.SerializeAggregate(order));
        var root = document.RootElement;

        Assert.Equal("Order", root.GetProperty("$type").GetString());
        Assert.Equal(EcomSerializer.SchemaVersion, root.GetProperty("$v").GetInt32());
        Assert.Equal("Confirmed", root.GetProperty("state").GetString());
        Assert.Equal("112.50", root.GetProperty("goods").GetString());
        Assert.Equal("2026-03-04T01:20:00Z", root.GetProperty("paidAt").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", root.GetProperty("dispatchDate").GetString());
        Assert.Equal("Business", root.GetProperty("buyer").GetProperty("kind").GetString());
        Assert.Equal(44, root.GetProperty("buyer").GetProperty("address").GetProperty("province").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("shippedAt").ValueKind);
        Assert.Equal("SLA-1", root.GetProperty("slas")[0].GetProperty("id").GetString());
        Assert.Equal("Started", root.GetProperty("slas")[0].GetProperty("events")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Money_RoundTripsExactly_AtTheLargestAmount()
    {
        var lines = new[] { new OrderLine("BIG", 1, new Money(Money.MaxYuan - 100m)), new OrderLine("FEN", 3, new Money(0.01m)) };
        var order = new OrderJourney("M-1", OrderScenario.PrivateBuyer(), 1, lines: lines).Order!;

        var read = (Order)Serializer.DeserializeAggregate(Serializer.SerializeAggregate(order));

        Assert.Equal(order.Goods.Yuan, read.Goods.Yuan);
        Assert.Equal(order.Lines[0].UnitPrice.Fen, read.Lines[0].UnitPrice.Fen);
        ValueAssert.Equal(order, read);
    }

    [Fact]
    public void PolicySlaDefinitions_AreUsedOnReading()
    {
        var order = new OrderJourney("P-1", OrderScenario.PrivateBuyer(), 2).Order!;
        var custom = new SlaDefinition("SLA-1", RuleIds.Sla1, "Faster matching.", EcomRules.Calendars.Deadline.WorkingTime(Duration.FromMinutes(5)));
        var serializer = Serializer.WithSlaDefinitions(SlaDefinitions.All.Where(d => d.Id != "SLA-1").Append(custom));

        var read = (Order)serializer.DeserializeAggregate(Serializer.SerializeAggregate(order));

        Assert.Same(custom, read.Sla("SLA-1")!.Definition);
        Assert.Same(SlaDefinitions.SalesOrderEntered, read.Sla("SLA-2")!.Definition);
    }
}

using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Returns.Events;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Tests.Returns;

public sealed class ReturnCaseTests
{
    private static readonly OrderId OrderId = new("O-100");
    private static readonly ReturnCaseId CaseId = new(OrderId, "R1");

    [Fact]
    [Trait("Rule", "RET-1")]
    public async Task RET1_other_reason_needs_free_text()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var refused = await f.Run(f.Request(CaseId, ReturnFixture.At(2026, 3, 3), reason: ReturnReason.Other, text: "  "));
        Assert.Equal(RuleIds.Ret1, refused.RuleId);
        Assert.True((await f.Run(f.Request(CaseId, ReturnFixture.At(2026, 3, 3), reason: ReturnReason.Other, text: "changed my mind"))).IsAccepted);
    }

    [Theory]
    [Trait("Rule", "RET-1")]
    [InlineData(ReturnReason.Other)]
    [InlineData(ReturnReason.QualityProblem)]
    public async Task RET1_a_missing_piece_of_evidence_is_refused_whatever_the_reason(ReturnReason reason)
    {
        // A case stored with a null reference could not be read back from a serializing store.
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var at = ReturnFixture.At(2026, 3, 3);
        var refused = await f.Run(new RequestReturn(f.NextId(), ReturnFixture.Buyer, at, CaseId, ReturnKind.Return, reason, "changed my mind",
            ["photo-1.jpg", null!], [new ReturnLine("SKU-A", 1)]));

        Assert.Equal(RuleIds.Ret1, refused.RuleId);
        Assert.Equal(RefusalCode.InvalidInput, refused.Code);
        Assert.Null(await f.Store.LoadAsync(CaseId.Key));
    }

    [Fact]
    [Trait("Rule", "RET-1")]
    public async Task RET1_partial_returns_cannot_exceed_the_units_left()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var at = ReturnFixture.At(2026, 3, 3);
        await f.Ok(f.Request(CaseId, at, quantity: 2));
        var order = await f.Get<Order>(OrderId.Key);
        Assert.Equal(1, order.OpenReturns);
        Assert.Equal(1, order.ReturnableQuantity("SKU-A"));

        var tooMany = await f.Run(f.Request(new ReturnCaseId(OrderId, "R2"), at, quantity: 2));
        Assert.Equal(RuleIds.Ret1, tooMany.RuleId);
        Assert.Contains("1 unit(s) of SKU-A left", tooMany.Reason, StringComparison.Ordinal);
        Assert.Equal(RuleIds.Ret1, (await f.Run(f.Request(new ReturnCaseId(OrderId, "R3"), at, quantity: 0))).RuleId);
        Assert.True((await f.Run(f.Request(new ReturnCaseId(OrderId, "R4"), at, quantity: 1))).IsAccepted);
    }

    [Fact]
    [Trait("Rule", "RET-2")]
    public async Task RET2_a_request_on_the_last_day_is_accepted_and_the_day_after_refused()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2, 18));
        var lastDay = await f.Run(f.Request(CaseId, ReturnFixture.At(2026, 3, 9, 23, 59), reason: ReturnReason.Other, text: "no reason"));
        Assert.True(lastDay.IsAccepted);

        var g = new ReturnFixture();
        await g.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2, 18));
        var late = await g.Run(g.Request(CaseId, ReturnFixture.At(2026, 3, 10, 0, 1), reason: ReturnReason.Other, text: "no reason"));
        Assert.Equal(RuleIds.Ret2, late.RuleId);
        Assert.Contains("the last day to ask was 2026-03-09", late.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "RET-2")]
    public async Task RET2_a_make_up_working_day_inside_the_window_counts_as_a_calendar_day()
    {
        // Received Fri 2026-01-02; the window holds the holiday Sat 01-03 and the make-up working Sunday 01-04 (调休).
        var f = new ReturnFixture();
        Assert.True(f.Engine.Policy.Calendar.IsWorkingDay(new LocalDate(2026, 1, 4)));
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 1, 2));
        Assert.True((await f.Run(f.Request(CaseId, ReturnFixture.At(2026, 1, 9, 20)))).IsAccepted);
        var late = await f.Run(f.Request(new ReturnCaseId(OrderId, "R2"), ReturnFixture.At(2026, 1, 10, 9)));
        Assert.Equal(RuleIds.Ret2, late.RuleId);
        Assert.Contains("2026-01-09", late.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "RET-2")]
    [InlineData(ReturnKind.Exchange, ReturnReason.Other, 15)]
    [InlineData(ReturnKind.Exchange, ReturnReason.QualityProblem, 15)]
    [InlineData(ReturnKind.Return, ReturnReason.QualityProblem, 7)]
    [InlineData(ReturnKind.Return, ReturnReason.NotAsDescribed, 7)]
    [InlineData(ReturnKind.Repair, ReturnReason.DamagedOnArrival, 7)]
    [InlineData(ReturnKind.Return, ReturnReason.Other, 7)]
    public void RET2_retail_windows_by_kind_and_reason(ReturnKind kind, ReturnReason reason, int days)
    {
        Assert.Equal(days, ReturnWindows.DaysFor(ReturnWindowPolicy.RetailPlatform, kind, reason));
        Assert.Equal(5, ReturnWindows.DaysFor(ReturnWindowPolicy.PartsDistributor, kind, reason));
        Assert.Equal(new LocalDate(2026, 3, 2).PlusDays(days), ReturnWindows.LastDay(ReturnWindowPolicy.RetailPlatform, kind, reason, new LocalDate(2026, 3, 2)));
    }

    [Fact]
    [Trait("Rule", "RET-2")]
    public async Task RET2_an_exchange_is_accepted_after_the_return_window_within_15_days()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        Assert.Equal(RuleIds.Ret2, (await f.Run(f.Request(CaseId, ReturnFixture.At(2026, 3, 12)))).RuleId);
        Assert.True((await f.Run(f.Request(CaseId, ReturnFixture.At(2026, 3, 17), ReturnKind.Exchange))).IsAccepted);
    }

    [Fact]
    [Trait("Rule", "RET-2")]
    public async Task RET2_only_a_received_order_can_have_a_return()
    {
        var f = new ReturnFixture();
        await f.ShippedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        Assert.Equal(RuleIds.Ret2, (await f.Run(f.Request(CaseId, ReturnFixture.At(2026, 3, 3)))).RuleId);
    }

    [Fact]
    [Trait("Rule", "RET-3")]
    [Trait("Rule", "SLA-6")]
    public async Task RET3_rejection_records_the_reason_closes_the_case_and_releases_the_order()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var at = ReturnFixture.At(2026, 3, 3);
        var requested = (await f.Ok(f.Request(CaseId, at))).StateAs<ReturnCase>();
        Assert.Equal(SlaTimerPhase.Running, requested.Sla("SLA-6")!.Phase);
        Assert.Equal(RuleIds.Ret3, (await f.Run(new DecideReturn(f.NextId(), ReturnFixture.Service, at, CaseId, false, " "))).RuleId);

        var decided = await f.Ok(new DecideReturn(f.NextId(), ReturnFixture.Service, at + Duration.FromHours(30), CaseId, false, "worn, not resellable"));
        var closed = decided.StateAs<ReturnCase>();
        Assert.Equal(ReturnState.Archived, closed.State);
        Assert.Equal(ReturnOutcome.Rejected, closed.Outcome);
        Assert.Equal("worn, not resellable", closed.DecisionReason);
        var sla = Assert.Single(decided.Events.OfType<SlaClosed>());
        Assert.Equal(SlaState.Breached, sla.Outcome); // 30 h > 24 h
        Assert.Contains(decided.Events, e => e is ReturnArchived);
        var order = await f.Get<Order>(OrderId.Key);
        Assert.Equal(0, order.OpenReturns);
        Assert.Equal(3, order.ReturnableQuantity("SKU-A"));
    }

    [Fact]
    [Trait("Rule", "SLA-6")]
    public async Task SLA6_special_case_allows_48_hours()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var at = ReturnFixture.At(2026, 3, 3);
        await f.Ok(f.Request(CaseId, at) with { SpecialCase = true });
        var decided = await f.Ok(new DecideReturn(f.NextId(), ReturnFixture.Service, at + Duration.FromHours(30), CaseId, true, "ok"));
        Assert.Equal(SlaState.Met, Assert.Single(decided.Events.OfType<SlaClosed>()).Outcome);
        Assert.DoesNotContain(f.Store.Timers, t => t.TimerId == "return/O-100/R1/SLA-6" && t.DueAt is not null); // breach timer cancelled
    }

    [Fact]
    [Trait("Rule", "RET-4")]
    public async Task RET4_failed_inspection_goes_to_negotiation_then_closes_or_receives()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var at = ReturnFixture.At(2026, 3, 3);
        await f.Ok(f.Request(CaseId, at));
        Assert.Equal(RuleIds.Ret4, (await f.Run(new InspectReturn(f.NextId(), ReturnFixture.Warehouse, at, CaseId, true, true))).RuleId);
        await f.Ok(new DecideReturn(f.NextId(), ReturnFixture.Service, at, CaseId, true, "ok"));
        var shipped = await f.Ok(new RecordReturnShipment(f.NextId(), ReturnFixture.Buyer, at, CaseId, "YT1", new Money(8m)));
        Assert.Equal((await f.Get<Order>(OrderId.Key)).Warehouse, Assert.Single(shipped.Events.OfType<ReturnShipped>()).To); // RET-4: back to the dispatching warehouse

        var failed = await f.Ok(new InspectReturn(f.NextId(), ReturnFixture.Warehouse, at + Duration.FromHours(24), CaseId, true, false, "invoice missing"));
        Assert.Equal(ReturnState.Negotiating, failed.StateAs<ReturnCase>().State);
        Assert.Contains(failed.Events, e => e is CustomerNotificationRequested { Template: "return-parcel-refused" });

        var resolved = await f.Ok(new ResolveNegotiation(f.NextId(), ReturnFixture.Service, at + Duration.FromHours(25), CaseId, true, "invoice re-sent by post"));
        Assert.Equal(ReturnState.Received, resolved.StateAs<ReturnCase>().State);
        Assert.Contains(resolved.Events, e => e is InvoiceHandedToFinance);
    }

    [Fact]
    [Trait("Rule", "RET-4")]
    public async Task RET4_negotiation_refused_archives_the_case()
    {
        var f = new ReturnFixture();
        var at = ReturnFixture.At(2026, 3, 3);
        await f.ShippedBack(OrderId, CaseId, at);
        await f.Ok(new InspectReturn(f.NextId(), ReturnFixture.Warehouse, at, CaseId, false, true, "damaged by customer"));
        var closed = await f.Ok(new ResolveNegotiation(f.NextId(), ReturnFixture.Service, at, CaseId, false, "customer damage, goods sent back"));
        Assert.Equal(ReturnOutcome.RefusedAfterNegotiation, closed.StateAs<ReturnCase>().Outcome);
        Assert.Equal(0, (await f.Get<Order>(OrderId.Key)).OpenReturns);
    }

    [Fact]
    [Trait("Rule", "SLA-7")]
    public async Task SLA7_restock_the_day_of_receipt_meets_the_sla()
    {
        var f = new ReturnFixture();
        var at = ReturnFixture.At(2026, 3, 3);
        await f.ShippedBack(OrderId, CaseId, at);
        var received = await f.Ok(new InspectReturn(f.NextId(), ReturnFixture.Warehouse, ReturnFixture.At(2026, 3, 4, 9), CaseId, true, true));
        Assert.Equal(SlaTimerPhase.Running, received.StateAs<ReturnCase>().Sla("SLA-7")!.Phase);
        var restocked = await f.Ok(new RestockReturn(f.NextId(), ReturnFixture.Warehouse, ReturnFixture.At(2026, 3, 4, 17), CaseId));
        Assert.Equal(SlaState.Met, Assert.Single(restocked.Events.OfType<SlaClosed>()).Outcome);
        Assert.Contains(restocked.Events, e => e is ReturnRestocked);
    }

    [Fact]
    [Trait("Rule", "RET-5")]
    public async Task RET5_an_exchange_ships_a_replacement_and_opens_no_refund()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var done = await f.CompletedReturn(CaseId, ReturnFixture.At(2026, 3, 12), ReturnKind.Exchange, ReturnReason.Other);
        Assert.Equal(ReturnState.ReplacementRequested, done.State); // open until the customer signs for the replacement
        Assert.Equal(ReturnOutcome.Open, done.Outcome);
        Assert.Null(done.Refund);
        var requested = Assert.Single(f.Store.Outbox.Select(m => m.Message.Event).OfType<ReplacementShipmentRequested>());
        Assert.Equal((await f.Get<Order>(OrderId.Key)).ShipTo, requested.To);
        Assert.False(requested.Carriers.IsDefaultOrEmpty);
        Assert.Equal(Money.Zero, (await f.Get<Order>(OrderId.Key)).RefundReserved);
    }

    [Fact]
    [Trait("Rule", "RET-5")]
    public async Task RET5_repair_only_for_a_merchant_fault()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        Assert.Equal(RuleIds.Ret5, (await f.Run(f.Request(CaseId, ReturnFixture.At(2026, 3, 3), ReturnKind.Repair, ReturnReason.Other, text: "x"))).RuleId);
        var done = await f.CompletedReturn(CaseId, ReturnFixture.At(2026, 3, 3), ReturnKind.Repair);
        Assert.Equal(ReturnState.AwaitingRepair, done.State); // the repaired goods ship back after CompleteRepair
        Assert.Contains(f.Store.Outbox, m => m.Message.Event is RepairRequested);
    }

    [Fact]
    [Trait("Rule", "RET-6")]
    [Trait("Rule", "RET-7")]
    public async Task RET6_return_freight_is_refunded_with_the_goods_when_the_merchant_is_at_fault()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var done = await f.CompletedReturn(CaseId, ReturnFixture.At(2026, 3, 3), quantity: 2, freight: 12m);
        var refund = await f.Get<Refund>(done.Refund!.Value.Key);
        Assert.Equal(new Money(212m), refund.Amount); // 2 × 100 + 12 freight
        Assert.Equal(ReturnFixture.Service.Id, refund.RequestedBy);
        var notice = f.Store.Outbox.Select(m => m.Message.Event).OfType<CustomerNotificationRequested>().Last(n => n.Template == "return-closed");
        Assert.Contains("including your return freight of", notice.Text, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "RET-6")]
    [Trait("Rule", "REF-1")]
    [InlineData("10,90", "2", "100.00")] // both units: what both lines cost
    [InlineData("10,90", "1,1", "50.00,50.00")] // each unit carries the average, whichever case comes first
    [InlineData("0,90", "1,1", "45.00,45.00")] // a gift line beside a paid one
    [InlineData("10,45,45", "1,1,1", "33.33,33.33,33.33")] // shares rounded down: never more than the lines cost
    [InlineData("10,45,45", "2,1", "66.66,33.33")]
    public async Task RET6_an_sku_on_lines_at_different_prices_is_refunded_at_its_average_price(string unitPrices, string returned, string refunds)
    {
        // Every unit is one line of SKU-A (the same SKU may be ordered at several prices: a gift, a second-item offer).
        var f = new ReturnFixture();
        ImmutableArray<OrderLine> lines = [.. unitPrices.Split(',').Select(p => new OrderLine("SKU-A", 1, new Money(decimal.Parse(p, CultureInfo.InvariantCulture))))];
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2), lines);
        var amounts = new List<string>();
        var quantities = returned.Split(',').Select(q => int.Parse(q, CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < quantities.Length; i++)
        {
            var id = new ReturnCaseId(OrderId, "R" + (i + 1).ToString(CultureInfo.InvariantCulture));
            var done = await f.CompletedReturn(id, ReturnFixture.At(2026, 3, 3), reason: ReturnReason.Other, quantity: quantities[i]);
            amounts.Add((await f.Get<Refund>(done.Refund!.Value.Key)).Amount.Yuan.ToString("0.00", CultureInfo.InvariantCulture));
        }

        Assert.Equal(refunds.Split(','), amounts);
    }

    [Fact]
    [Trait("Rule", "RET-6")]
    public async Task RET6_no_reason_returns_do_not_refund_the_return_freight()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var done = await f.CompletedReturn(CaseId, ReturnFixture.At(2026, 3, 3), reason: ReturnReason.Other, quantity: 1, freight: 12m);
        Assert.Equal(new Money(100m), (await f.Get<Refund>(done.Refund!.Value.Key)).Amount);
    }

    [Theory]
    [Trait("Rule", "ORD-1")]
    [Trait("Rule", "ORD-5")]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ORD1_an_order_whose_return_was_open_when_its_window_closed_completes_when_the_return_closes(bool exchanged)
    {
        var f = new ReturnFixture();
        var scheduler = new EcomRules.Processing.TimerScheduler(f.Store, f.Engine);
        var order = await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 4, 10));
        var closes = order.ReturnWindowClosesAt!.Value;

        // An exchange for a quality problem asked on the window's last day (its longest) is open when the window
        // closes: the completion timer fires then, is refused (ORD-1) and is done with.
        await f.Ok(f.Request(CaseId, closes - Duration.FromHours(10), ReturnKind.Exchange));
        await scheduler.RunOnceAsync("t", closes + Duration.FromMinutes(1));
        Assert.Equal(OrderState.Received, (await f.Get<Order>(OrderId.Key)).State);

        var closing = closes + Duration.FromDays(3);
        if (exchanged)
        {
            var carrier = new Actor("sf", ActorRole.Carrier);
            await f.Ok(new DecideReturn(f.NextId(), ReturnFixture.Service, closes + Duration.FromHours(2), CaseId, true, "meets the standard"));
            await f.Ok(new RecordReturnShipment(f.NextId(), ReturnFixture.Buyer, closes + Duration.FromHours(3), CaseId, "YT1", new Money(8m)));
            await f.Ok(new InspectReturn(f.NextId(), ReturnFixture.Warehouse, closes + Duration.FromHours(24), CaseId, true, true));
            await f.Ok(new RestockReturn(f.NextId(), ReturnFixture.Warehouse, closes + Duration.FromHours(26), CaseId));
            await f.Ok(new RecordReplacementShipment(f.NextId(), ReturnFixture.Warehouse, closes + Duration.FromHours(27), CaseId, new EcomRules.Shipping.CarrierId("sf"), "SF9"));
            await f.Ok(new RecordReplacementTracking(f.NextId(), carrier, closing, CaseId, TrackingEventKind.Signed));
        }
        else
        {
            await f.Ok(new DecideReturn(f.NextId(), ReturnFixture.Service, closing, CaseId, false, "outside the return standard"));
        }

        Assert.Equal(OrderState.Received, (await f.Get<Order>(OrderId.Key)).State);
        await scheduler.RunOnceAsync("t", closing + Duration.FromMinutes(1));
        var completed = await f.Get<Order>(OrderId.Key);
        Assert.Equal(OrderState.Completed, completed.State);
        Assert.Equal(closing, completed.CompletedAt);
    }

    [Fact]
    [Trait("Rule", "RET-7")]
    public async Task RET7_the_buyer_is_told_when_the_refund_of_a_return_is_rejected()
    {
        var f = new ReturnFixture();
        await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var done = await f.CompletedReturn(CaseId, ReturnFixture.At(2026, 3, 3));
        var refund = done.Refund!.Value;

        var rejected = await f.Ok(new RejectRefund(f.NextId(), ReturnFixture.DeptHead, ReturnFixture.At(2026, 3, 5), refund, "inspection photos missing"));

        var notice = Assert.Single(rejected.Events.OfType<CustomerNotificationRequested>());
        Assert.Equal("refund-rejected", notice.Template);
        Assert.Equal((await f.Get<Order>(OrderId.Key)).Buyer.Phone, notice.Recipient);
        Assert.Contains($"for your return {CaseId} was not approved", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("inspection photos missing", notice.Text, StringComparison.Ordinal); // the staff's reason stays in the audit trail
    }

    [Fact]
    [Trait("Rule", "RET-7")]
    public async Task RET7_every_step_notifies_the_buyer_and_the_case_is_archived()
    {
        var f = new ReturnFixture();
        var order = await f.ReceivedOrder(OrderId, ReturnFixture.At(2026, 3, 2));
        var done = await f.CompletedReturn(CaseId, ReturnFixture.At(2026, 3, 3));
        var templates = f.Store.Outbox.Select(m => m.Message.Event).OfType<CustomerNotificationRequested>()
            .Where(n => n.Source == CaseId.Key).Select(n => n.Template).ToArray();
        Assert.Equal(["return-requested", "return-accepted", "return-shipped", "return-received", "return-closed"], templates);
        Assert.All(f.Store.Outbox.Select(m => m.Message.Event).OfType<CustomerNotificationRequested>(), n => Assert.Equal(order.Buyer.Phone, n.Recipient));
        Assert.Equal(ReturnState.Archived, done.State);
        Assert.Contains(f.Store.Outbox, m => m.Message.Event is ReturnArchived { Outcome: ReturnOutcome.Refunded });
        Assert.Equal(0, (await f.Get<Order>(OrderId.Key)).OpenReturns);
    }

    [Fact]
    [Trait("Rule", "ORD-1")]
    public void Workflow_diagram_names_every_state() =>
        Assert.All(Enum.GetNames<ReturnState>(), s => Assert.Contains(s, ReturnWorkflow.Definition.ToMermaid(), StringComparison.Ordinal));
}

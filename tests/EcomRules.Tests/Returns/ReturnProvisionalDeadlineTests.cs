using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Processing;
using EcomRules.Returns;
using EcomRules.Tests.Calendars;
using NodaTime;

namespace EcomRules.Tests.Returns;

/// <summary>SLA-8 on a return case: its SLA-7 deadline computed provisionally is recomputed when the year is added.</summary>
public sealed class ReturnProvisionalDeadlineTests
{
    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task SLA8_ReturnParcelReceivedOn31DecemberEvening_RestockDeadlineMovesPastTheNewYearHoliday()
    {
        var fixture = new ReturnFixture();
        var id = new ReturnCaseId(new OrderId("R-7"), "1");
        await fixture.ShippedBack(id.Order, id, ReturnFixture.At(2026, 12, 30, 10));
        await fixture.Ok(new InspectReturn(fixture.NextId(), ReturnFixture.Warehouse, ReturnFixture.At(2026, 12, 31, 18, 30), id, true, true));
        var provisional = await fixture.Get<ReturnCase>(id.Key);
        var mark = Assert.Single(provisional.ProvisionalDeadlines, d => d.TimerId.EndsWith("/SLA-7", StringComparison.Ordinal));
        Assert.Equal(ReturnFixture.At(2027, 1, 1, 18, 0), mark.DueAt); // SLA-7: the end of the next working day, an ordinary Friday

        fixture.Engine.ChangePolicy(fixture.Engine.Policy.WithHolidayYear(UncoveredYearTests.Year2027));
        var done = await new DeadlineRecomputer(fixture.Store, fixture.Engine).RecomputeAsync(UncoveredYearTests.Year2027, ReturnFixture.At(2027, 1, 1, 8, 0));

        Assert.True(done.Changed >= 1, done.ToString());
        var real = await fixture.Get<ReturnCase>(id.Key);
        Assert.DoesNotContain(real.ProvisionalDeadlines, d => d.TimerId.EndsWith("/SLA-7", StringComparison.Ordinal));
        Assert.Equal(ReturnFixture.At(2027, 1, 2, 18, 0), fixture.Store.Timers.Single(t => t.TimerId == $"{id.Key.Kind}/{id.Key.Id}/SLA-7").DueAt);
        Assert.Contains(fixture.Store.Outbox.Select(m => m.Message.Event).OfType<DeadlinesRecomputed>(), e => e.Source == id.Key);
    }
}

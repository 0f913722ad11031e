using EcomRules.Commands;
using EcomRules.Ledgers;
using EcomRules.Ledgers.Events;
using EcomRules.Policies;
using EcomRules.Tests.Returns;
using NodaTime;

namespace EcomRules.Tests.Ledgers;

public sealed class MonthlySettlementTests
{
    private static readonly Actor HqFinance = new("hq-fin-1", ActorRole.HeadquartersFinance);

    private static Instant At(LocalDate day, int hour = 16) => ReturnFixture.At(day.Year, day.Month, day.Day, hour);

    private static CloseMonthlySettlement Close(ReturnFixture f, YearMonth month, LocalDate on, decimal sales, decimal division, decimal hq, Actor? actor = null)
        => new(f.NextId(), actor ?? HqFinance, At(on), month, new Money(sales), new Money(division), new Money(hq));

    [Fact]
    [Trait("Rule", "FIN-2")]
    public void FIN2_the_settlement_closes_on_the_25th_when_the_three_totals_agree()
    {
        var f = new ReturnFixture();
        var march = new YearMonth(2026, 3); // 2026-03-25 is a Wednesday
        var closed = f.RunNow(Close(f, march, new LocalDate(2026, 3, 25), 1234.5m, 1234.5m, 1234.5m));
        Assert.True(closed.IsAccepted, closed.Reason);
        var settlement = closed.StateAs<MonthlySettlement>();
        Assert.Equal((new LocalDate(2026, 3, 25), new Money(1234.5m)), (settlement.SettlementDate, settlement.Total));
        Assert.IsType<MonthlySettlementClosed>(Assert.Single(closed.Events));
    }

    [Fact]
    [Trait("Rule", "FIN-2")]
    public void FIN2_when_the_25th_is_not_a_working_day_it_moves_to_the_previous_working_day_by_default()
    {
        var f = new ReturnFixture();
        var october = new YearMonth(2026, 10); // 2026-10-25 is a Sunday
        Assert.Equal(SettlementShift.PreviousWorkingDay, LedgerPolicy.Default.Shift);
        Assert.Equal(25, LedgerPolicy.Default.SettlementDay);
        Assert.Equal(new LocalDate(2026, 10, 24), f.Engine.Policy.Ledgers.SettlementDate(october, f.Engine.Policy.Calendar));
        Assert.Equal(RuleIds.Fin2, f.RunNow(Close(f, october, new LocalDate(2026, 10, 23), 1m, 1m, 1m)).RuleId);
        Assert.True(f.RunNow(Close(f, october, new LocalDate(2026, 10, 24), 1m, 1m, 1m)).IsAccepted);
    }

    [Fact]
    [Trait("Rule", "FIN-2")]
    public void FIN2_the_policy_can_move_it_to_the_next_working_day_instead()
    {
        var builder = EcomPolicy.RetailPlatform.ToBuilder();
        builder.Ledgers = new LedgerPolicy(new LocalTime(9, 0), 25, SettlementShift.NextWorkingDay);
        var f = new ReturnFixture(builder.Build());
        var october = new YearMonth(2026, 10);
        Assert.Equal(new LocalDate(2026, 10, 26), f.Engine.Policy.Ledgers.SettlementDate(october, f.Engine.Policy.Calendar));
        Assert.Equal(RuleIds.Fin2, f.RunNow(Close(f, october, new LocalDate(2026, 10, 24), 1m, 1m, 1m)).RuleId);
        Assert.True(f.RunNow(Close(f, october, new LocalDate(2026, 10, 26), 1m, 1m, 1m)).IsAccepted);
    }

    [Fact]
    [Trait("Rule", "FIN-2")]
    public void FIN2_totals_that_disagree_are_refused_naming_FIN2_and_nothing_changes()
    {
        var f = new ReturnFixture();
        var march = new YearMonth(2026, 3);
        var on = new LocalDate(2026, 3, 25);
        var key = new MonthlySettlementId(march).Key;
        Decision[] refused =
        [
            f.RunNow(Close(f, march, on, 100m, 100m, 99.99m)),
            f.RunNow(Close(f, march, on, 100m, 100.01m, 100m)),
            f.RunNow(Close(f, march, on, 100m, 100m, 100m, new Actor("sales-1", ActorRole.Sales))),
        ];
        Assert.All(refused, d => Assert.Equal((DecisionStatus.Refused, RuleIds.Fin2), (d.Status, d.RuleId)));
        Assert.Contains("division finance CNY 100.01", refused[1].Reason, StringComparison.Ordinal);
        Assert.Null(f.LoadNow(key));
        Assert.True(f.RunNow(Close(f, march, on, 100m, 100m, 100m)).IsAccepted);
        var twice = f.RunNow(Close(f, march, on.PlusDays(1), 100m, 100m, 100m));
        Assert.Equal((RefusalCode.AlreadyExists, RuleIds.Fin2), (twice.Code, twice.RuleId));
        Assert.Equal(1, f.LoadNow(key)!.Version);
    }

    [Fact]
    [Trait("Rule", "FIN-2")]
    public void FIN2_a_settlement_day_outside_1_to_28_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerPolicy(new LocalTime(9, 0), 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerPolicy(new LocalTime(9, 0), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerPolicy(new LocalTime(9, 0), 25, (SettlementShift)7));
    }
}

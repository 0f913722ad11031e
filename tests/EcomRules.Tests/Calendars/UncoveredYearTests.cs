using EcomRules.Calendars;
using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Processing;
using EcomRules.Tests.Orders;
using NodaTime;
using static EcomRules.Tests.Orders.OrderScenario;

namespace EcomRules.Tests.Calendars;

/// <summary>DSP-1 and SLA-8 at the edge of the holiday data: the built-in calendar ends on 31 December 2026.</summary>
public sealed class UncoveredYearTests
{
    /// <summary>Test data for 2027 (not the real notice): 1 January off, Saturday 9 January a made-up make-up day.</summary>
    public static readonly PublicHolidayYear Year2027 = new(2027, "国务院办公厅关于2027年部分节假日安排的通知 (test data)",
        [new LocalDate(2027, 1, 1)], [new LocalDate(2027, 1, 9)], "国办发明电〔2026〕测试号");

    private static EcomPolicy Refusing(EcomPolicy policy)
    {
        var builder = policy.ToBuilder();
        builder.UncoveredYears = UncoveredYears.Refuse;
        return builder.Build();
    }

    [Theory]
    [InlineData(UncoveredYears.Provisional)]
    [InlineData(UncoveredYears.Refuse)]
    public void DSP1_OrderPaidOn30December1600_IsAcceptedInBothModes_ItsThreeCalendarDaysNeedNoHolidayData(UncoveredYears mode)
    {
        var policy = mode == UncoveredYears.Refuse ? Refusing(EcomPolicy.RetailPlatform) : EcomPolicy.RetailPlatform;
        var scenario = new OrderScenario(policy);

        var paid = scenario.PlaceAndPay("A-1", At(2026, 12, 30, 16, 0));

        var order = scenario.Order("A-1");
        Assert.Equal(At(2027, 1, 2, 16, 0), order.DispatchDeadline); // ORD-3: 3 calendar days, whatever the holidays
        Assert.Equal(new LocalDate(2026, 12, 30), order.DispatchDate); // DSP-3: before 17:00
        Assert.Empty(order.ProvisionalDeadlines);
        Assert.Empty(paid.Events.OfType<DeadlinesProvisional>());
    }

    [Fact]
    public void DSP1_Provisional_OrderPaidOn31December1600_MarksTheDeadlinesComputedOnOrdinaryWeeks()
    {
        var scenario = new OrderScenario(EcomPolicy.PartsDistributor);

        var paid = scenario.PlaceAndPay("A-1", At(2026, 12, 31, 16, 0));

        var order = scenario.Order("A-1");
        Assert.Equal(new LocalDate(2027, 1, 1), order.DispatchDate); // DSP-2: after 15:00, the next working day — provisionally
        Assert.Equal(At(2027, 1, 1, 18, 0), order.DispatchDeadline);
        var mark = Assert.Single(order.ProvisionalDeadlines);
        Assert.Equal(PayOrder.DispatchDeadlineTimerKind, mark.Kind);
        Assert.Equal(At(2027, 1, 1, 18, 0), mark.DueAt);
        Assert.Equal(mark, Assert.Single(Single<DeadlinesProvisional>(paid).Deadlines));
        Assert.Equal(At(2027, 1, 1, 18, 0), scenario.Timer("A-1", "dispatch")!.DueAt);
    }

    [Fact]
    public void DSP1_Refuse_OrderPaidOn31December1600_IsRefusedNamingTheMissingYear_AndNotRecorded()
    {
        var scenario = new OrderScenario(Refusing(EcomPolicy.PartsDistributor));
        Require(scenario.Place("A-1", At(2026, 12, 31, 15, 59)));
        var before = scenario.Snapshot("A-1");
        var pay = new PayOrder(new CommandId("pay/A-1"), Actor.System, At(2026, 12, 31, 16, 0), new OrderId("A-1"), scenario.Order("A-1").Total);

        var refused = scenario.Execute(pay);

        Assert.True(refused.IsRefused);
        Assert.Equal(RefusalCode.CalendarNotCovered, refused.Code);
        Assert.Equal(RuleIds.Dsp1, refused.RuleId);
        Assert.Contains("2027", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("EcomRules:Calendar:Years", refused.Reason, StringComparison.Ordinal);
        scenario.AssertUnchanged("A-1", before);

        // Not recorded against the command ID: once 2027 is added, the gateway's retry is decided afresh.
        scenario.Engine.ChangePolicy(scenario.Engine.Policy.WithHolidayYear(Year2027));
        var retried = scenario.Execute(pay);
        Assert.True(retried.IsAccepted, retried.ToString());
        Assert.False(retried.IsReplay);
        Assert.Equal(new LocalDate(2027, 1, 2), scenario.Order("A-1").DispatchDate);
    }

    [Fact]
    public void DSP1_CommandDatedMarch2027_Provisional_IsAcceptedWithEveryDeadlineProvisional()
    {
        var scenario = new OrderScenario(EcomPolicy.PartsDistributor);
        var paid = scenario.PlaceAndPay("A-2", At(2027, 3, 10, 10, 0));

        var order = scenario.Order("A-2");
        Assert.Equal(new LocalDate(2027, 3, 10), order.DispatchDate); // DSP-2 on an ordinary Wednesday
        // Every deadline on the working calendar: the dispatch deadline (a working day) and SLA-1..3 with their warnings.
        Assert.Contains(order.ProvisionalDeadlines, d => d.TimerId == "order/A-2/dispatch");
        Assert.Equal(["SLA-1", "SLA-2", "SLA-3"], order.ProvisionalDeadlines.Where(d => d.Kind == "sla-breach").Select(d => d.TimerId["order/A-2/".Length..]).Order(StringComparer.Ordinal));
        Assert.Equal(3, order.ProvisionalDeadlines.Count(d => d.Kind == "sla-warning")); // the first of each SLA's chain
        Assert.Equal(order.ProvisionalDeadlines.Length, Single<DeadlinesProvisional>(paid).Deadlines.Length);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task DSP1_TheNextWarningOfTheChain_ScheduledByAWarningThatFired_IsMarkedProvisional_AndRecomputedWhenTheYearIsAdded()
    {
        var scenario = new OrderScenario(EcomPolicy.PartsDistributor);
        scenario.PlaceAndPay("A-7", At(2027, 3, 10, 10, 0));
        var first = scenario.Timer("A-7", "SLA-3/warning-1")!;
        var version = (await scenario.Store.LoadAsync(new OrderId("A-7").Key))!.Version;

        var fired = await scenario.Engine.ExecuteAsync(new RecordDeadlinePassed(new("A-7/w1"), Actor.System, first.DueAt!.Value, new OrderId("A-7"), "sla-warning", "SLA-3/warning-1"));

        // The warning changed no workflow state, but the order records the new provisional deadline (one version more).
        Assert.True(fired.IsAccepted, fired.ToString());
        var next = scenario.Timer("A-7", "SLA-3/warning-2")!;
        var order = scenario.Order("A-7");
        Assert.Contains(new ProvisionalDeadline(next.TimerId, "sla-warning", next.DueAt!.Value), order.ProvisionalDeadlines);
        Assert.Equal(version + 1, (await scenario.Store.LoadAsync(new OrderId("A-7").Key))!.Version);
        Assert.Contains(next.TimerId, Single<DeadlinesProvisional>(fired).Deadlines.Select(d => d.TimerId));

        // The same warning executed again (another command ID, as after a lost completion) marks nothing twice.
        await scenario.Engine.ExecuteAsync(new RecordDeadlinePassed(new("A-7/w1-again"), Actor.System, first.DueAt!.Value, new OrderId("A-7"), "sla-warning", "SLA-3/warning-1"));
        Assert.Equal(version + 1, (await scenario.Store.LoadAsync(new OrderId("A-7").Key))!.Version);

        // The year's data arrives: the recomputation finds the chained warning by its mark and moves it with the rest.
        scenario.Engine.ChangePolicy(scenario.Engine.Policy.WithHolidayYear(Year2027));
        await new DeadlineRecomputer(scenario.Store, scenario.Engine).RecomputeAsync(Year2027, first.DueAt!.Value);
        Assert.DoesNotContain(scenario.Order("A-7").ProvisionalDeadlines, d => d.TimerId == next.TimerId);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task DSP1_AChainedWarningInACoveredYear_WhoseBreachIsProvisional_IsRecomputedAsIfTheDataHadBeenThere()
    {
        // SLA-5 starts at shipment on 31 December 2026: its warnings fall in 2026, its breach in 2027 (provisional).
        static async Task<(OrderScenario Scenario, Instant FirstAt)> ShippedAndFirstWarningFiredAsync(EcomPolicy policy)
        {
            var scenario = new OrderScenario(policy);
            scenario.PaidAndInvoiced("A-8", At(2026, 12, 31, 9, 0));
            Require(scenario.Ship("A-8", At(2026, 12, 31, 10, 0)));
            var first = scenario.Timer("A-8", "SLA-5/warning-1")!.DueAt!.Value;
            Assert.True((await scenario.Engine.ExecuteAsync(new RecordDeadlinePassed(new("A-8/w1"), Actor.System, first, new OrderId("A-8"), "sla-warning", "SLA-5/warning-1"))).IsAccepted);
            return (scenario, first);
        }

        var (provisional, firstAt) = await ShippedAndFirstWarningFiredAsync(EcomPolicy.RetailPlatform);
        provisional.Engine.ChangePolicy(provisional.Engine.Policy.WithHolidayYear(Year2027));
        await new DeadlineRecomputer(provisional.Store, provisional.Engine).RecomputeAsync(Year2027, firstAt);
        var (withData, _) = await ShippedAndFirstWarningFiredAsync(EcomPolicy.RetailPlatform.WithHolidayYear(Year2027));

        Assert.Equal(withData.Timer("A-8", "SLA-5/warning-2")!.DueAt, provisional.Timer("A-8", "SLA-5/warning-2")!.DueAt);
        Assert.Equal(withData.Timer("A-8", "SLA-5")!.DueAt, provisional.Timer("A-8", "SLA-5")!.DueAt);
    }

    [Fact]
    [Trait("Rule", "SLA-8")]
    public async Task DSP1_ARecomputationThatFindsAWarningReached_FiresIt_AndTheChainGoesOn()
    {
        // 2027 data with a make-up working Sunday (7 March): time accrues sooner than on the provisional calendar.
        var makeUpSunday = new PublicHolidayYear(2027, "test notice", [new LocalDate(2027, 1, 1)], [new LocalDate(2027, 3, 7)], "test");
        var scenario = new OrderScenario(EcomPolicy.PartsDistributor);
        scenario.PlaceAndPay("R-1", At(2027, 3, 6, 17, 40)); // Saturday: SLA-3 (one working hour) has 20 minutes left that day

        // The data arrives on Sunday at 08:45: after SLA-3's real 50 % instant (08:40), before its 75 % one (08:55).
        scenario.Engine.ChangePolicy(scenario.Engine.Policy.WithHolidayYear(makeUpSunday));
        await new DeadlineRecomputer(scenario.Store, scenario.Engine).RecomputeAsync(makeUpSunday, At(2027, 3, 7, 8, 45));
        var scheduler = new TimerScheduler(scenario.Store, scenario.Engine);
        for (var t = At(2027, 3, 7, 8, 45); t <= At(2027, 3, 7, 10, 0); t += Duration.FromMinutes(1))
        {
            while (await scheduler.RunOnceAsync("s", t) > 0)
            {
            }
        }

        // Each warning once, the reached one late rather than never, and the breach.
        Assert.Equal([0.5m, 0.75m], scenario.Events<EcomRules.Deadlines.SlaWarningRaised>().Where(w => w.SlaId == "SLA-3").Select(w => w.Threshold));
        Assert.Contains(scenario.Events<EcomRules.Deadlines.SlaBreached>(), b => b.SlaId == "SLA-3");
    }

    [Fact]
    public void DSP1_CommandDatedMarch2027_Refuse_IsRefusedByItsInstant()
    {
        var scenario = new OrderScenario(Refusing(EcomPolicy.PartsDistributor));

        var refused = scenario.Place("A-3", At(2027, 3, 10, 9, 0));

        Assert.Equal(RefusalCode.CalendarNotCovered, refused.Code);
        Assert.Equal(RuleIds.Dsp1, refused.RuleId);
        Assert.False(scenario.Exists("A-3"));
    }

    [Fact]
    public async Task DSP1_BeyondTheProvisionalYears_IsRefusedNotThrown()
    {
        var scenario = new OrderScenario(EcomPolicy.RetailPlatform);
        var far = At(2026 + WorkingCalendar.ProvisionalYearsAhead + 1, 6, 1, 10, 0);
        Require(scenario.Place("A-4", far));

        var decision = await scenario.Engine.ExecuteAsync(new PayOrder(scenario.NextId(), Actor.System, far, new OrderId("A-4"), scenario.Order("A-4").Total));

        Assert.Equal(RefusalCode.CalendarNotCovered, decision.Code);
        Assert.Equal(RuleIds.Dsp1, decision.RuleId);
    }

    [Fact]
    public async Task SLA8_AddingTheYear_RecomputesProvisionalDeadlines_MovesTimers_AuditsOnce_AndASecondAddChangesNothing()
    {
        // Parts distributor, paid at 17:55 on Thursday 31 December 2026 (after the 15:00 cut-off, DSP-2).
        var scenario = new OrderScenario(EcomPolicy.PartsDistributor);
        scenario.PlaceAndPay("A-5", At(2026, 12, 31, 17, 55));
        var provisional = scenario.Order("A-5");
        Assert.Equal(new LocalDate(2027, 1, 1), provisional.DispatchDate); // an ordinary Friday, provisionally
        Assert.Equal(At(2027, 1, 1, 18, 0), provisional.DispatchDeadline);
        Assert.Equal(At(2027, 1, 1, 8, 40), scenario.Timer("A-5", "SLA-1")!.DueAt); // 5 + 10 working minutes
        Assert.Equal(7, provisional.ProvisionalDeadlines.Length); // the dispatch deadline, SLA-1..3 and their first (50 %) warnings
        var auditBefore = scenario.Store.AuditTrail.Count;

        scenario.Engine.ChangePolicy(scenario.Engine.Policy.WithHolidayYear(Year2027));
        var recomputer = new DeadlineRecomputer(scenario.Store, scenario.Engine);
        var done = await recomputer.RecomputeAsync(Year2027, At(2026, 12, 31, 18, 30));

        Assert.Equal(new DeadlineRecomputation(2027, 1, 1, 0), done);
        var real = scenario.Order("A-5");
        Assert.Equal(new LocalDate(2027, 1, 2), real.DispatchDate); // 1 January is off: Saturday the 2nd ships
        Assert.Equal(At(2027, 1, 2, 18, 0), real.DispatchDeadline);
        Assert.Equal(new LocalDate(2027, 1, 2), real.InvoiceBatchDate);
        Assert.Empty(real.ProvisionalDeadlines);
        Assert.Equal(At(2027, 1, 2, 18, 0), scenario.Timer("A-5", "dispatch")!.DueAt);
        Assert.Equal(At(2027, 1, 2, 8, 40), scenario.Timer("A-5", "SLA-1")!.DueAt);
        var audit = Assert.Single(scenario.Store.AuditTrail.Skip(auditBefore));
        Assert.Equal(Actor.System.Id, audit.ActorId);
        Assert.Equal(Year2027.Citation, audit.Why);
        var recomputed = Assert.Single(scenario.Events<DeadlinesRecomputed>());
        Assert.Contains(recomputed.Deadlines, d => d.TimerId.EndsWith("/dispatch", StringComparison.Ordinal) && d.Was == At(2027, 1, 1, 18, 0) && d.Now == At(2027, 1, 2, 18, 0));

        var again = await recomputer.RecomputeAsync(Year2027, At(2026, 12, 31, 19, 0));
        Assert.Equal(new DeadlineRecomputation(2027, 0, 0, 0), again); // nothing provisional is left to look at
        Assert.Equal(auditBefore + 1, scenario.Store.AuditTrail.Count);
        Assert.Same(scenario.Engine.Policy, scenario.Engine.Policy.WithHolidayYear(Year2027)); // the same data adds nothing
    }

    [Fact]
    public void SLA8_ProvisionallyComputedThenRecomputed_EqualsComputedWithTheDataFromTheStart()
    {
        var withData = new OrderScenario(EcomPolicy.PartsDistributor.WithHolidayYear(Year2027));
        withData.PlaceAndPay("A-6", At(2026, 12, 31, 17, 55));
        var provisional = new OrderScenario(EcomPolicy.PartsDistributor);
        provisional.PlaceAndPay("A-6", At(2026, 12, 31, 17, 55));
        provisional.Engine.ChangePolicy(provisional.Engine.Policy.WithHolidayYear(Year2027));
        new DeadlineRecomputer(provisional.Store, provisional.Engine).RecomputeAsync(Year2027, At(2027, 1, 1, 0, 0)).AsTask().GetAwaiter().GetResult();

        Assert.Equal(withData.Order("A-6").DispatchDeadline, provisional.Order("A-6").DispatchDeadline);
        Assert.Equal(withData.Order("A-6").DispatchDate, provisional.Order("A-6").DispatchDate);
        Assert.Equal(withData.Store.Timers.Select(t => (t.TimerId, t.DueAt)), provisional.Store.Timers.Select(t => (t.TimerId, t.DueAt)));
    }

    [Fact]
    public async Task SLA8_AWarningInACoveredYearIsProvisional_WhenItsBreachIsNot_AndIsRecomputedWithIt()
    {
        // SLA-5 starts at shipment on 31 December 10:00: due 09:00 the next working day (provisionally 1 January); its
        // 50 % warning falls on 31 December but is a share of a budget that ends in the uncovered year.
        var scenario = new OrderScenario(EcomPolicy.RetailPlatform);
        scenario.PaidAndInvoiced("A-8", At(2026, 12, 31, 9, 0));
        Require(scenario.Ship("A-8", At(2026, 12, 31, 10, 0)));
        var marks = scenario.Order("A-8").ProvisionalDeadlines;
        var warning = Assert.Single(marks, d => d.TimerId == "order/A-8/SLA-5/warning-1");
        Assert.True(warning.DueAt < At(2027, 1, 1, 0, 0));
        Assert.Contains(marks, d => d.TimerId == "order/A-8/SLA-5" && d.DueAt == At(2027, 1, 1, 9, 0));

        scenario.Engine.ChangePolicy(scenario.Engine.Policy.WithHolidayYear(Year2027));
        await new DeadlineRecomputer(scenario.Store, scenario.Engine).RecomputeAsync(Year2027, At(2026, 12, 31, 11, 0));

        Assert.Empty(scenario.Order("A-8").ProvisionalDeadlines);
        Assert.Equal(At(2027, 1, 2, 9, 0), scenario.Timer("A-8", "SLA-5")!.DueAt); // 1 January is off
        var withData = new OrderScenario(EcomPolicy.RetailPlatform.WithHolidayYear(Year2027));
        withData.PaidAndInvoiced("A-8", At(2026, 12, 31, 9, 0));
        Require(withData.Ship("A-8", At(2026, 12, 31, 10, 0)));
        Assert.Equal(withData.Timer("A-8", "SLA-5/warning-1")!.DueAt, scenario.Timer("A-8", "SLA-5/warning-1")!.DueAt);
    }

    [Fact]
    public void DSP1_WithHolidayYear_IsOneStep_AndCutoffsFollowTheCalendar()
    {
        var policy = EcomPolicy.PartsDistributor.WithHolidayYear(Year2027);

        Assert.Equal(2027, policy.Calendar.Holidays.LastYear);
        Assert.Same(policy.Calendar, policy.Cutoffs.Calendar);
        Assert.False(policy.Calendar.IsWorkingDay(new LocalDate(2027, 1, 1)));
        Assert.Equal(new LocalDate(2027, 1, 2), policy.Cutoffs.NextDispatchDate(policy.Routing.Route(EcomRules.Customers.Province.Zhejiang), At(2026, 12, 31, 16, 0)));

        // The builder route: a calendar with one more year, then Build (the cut-offs were bound to the old calendar).
        var builder = EcomPolicy.PartsDistributor.ToBuilder();
        builder.Calendar = builder.Calendar.WithHolidays(builder.Calendar.Holidays.WithYear(Year2027));
        var built = builder.Build();
        Assert.Same(built.Calendar, built.Cutoffs.Calendar);
        Assert.Equal(2027, built.Cutoffs.Calendar.Holidays.LastYear);
    }

    [Fact]
    public void DSP1_ABuiltInYearIsReplacedOnlyExplicitly()
    {
        var other2026 = new PublicHolidayYear(2026, "another reading", [new LocalDate(2026, 1, 1)], []);

        var refused = Assert.Throws<ArgumentException>(() => EcomPolicy.RetailPlatform.WithHolidayYear(other2026));
        Assert.Contains("explicit", refused.Message, StringComparison.Ordinal);
        var replaced = EcomPolicy.RetailPlatform.WithHolidayYear(other2026, replaceExisting: true);
        Assert.True(replaced.Calendar.IsWorkingDay(new LocalDate(2026, 1, 2)));
    }

    [Fact]
    public void DSP1_AMakeUpDayOnAWeekday_IsRefusedWithEveryProblemListed()
    {
        var problems = PublicHolidayYear.Check(2027, " ", [new LocalDate(2027, 1, 1), new LocalDate(2028, 1, 1)], [new LocalDate(2027, 1, 4), new LocalDate(2027, 1, 1)]);

        Assert.Equal(5, problems.Count); // no notice; 2028 in 2027; Monday make-up day; 1 Jan a Friday make-up day; 1 Jan both off and make-up
        Assert.Contains(problems, p => p.Contains("2027-01-04 is a Monday", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new PublicHolidayYear(2027, "n", [], [new LocalDate(2027, 1, 4)]));
    }

    [Fact]
    public void DSP1_ProvisionalCalendar_CountsAnUncoveredYearAsOrdinaryWeeks_AndSaysSo()
    {
        var calendar = WorkingCalendar.Create(MerchantSchedule.Default, ChinaPublicHolidays.Default, UncoveredYears.Provisional);

        Assert.True(calendar.IsWorkingDay(new LocalDate(2027, 1, 1))); // an ordinary Friday without data
        Assert.False(calendar.IsWorkingDay(new LocalDate(2027, 1, 3))); // Sunday rest
        Assert.True(calendar.IsProvisional(At(2027, 1, 1, 9, 0)));
        Assert.False(calendar.IsProvisional(At(2026, 12, 31, 23, 59)));
        Assert.Equal(new LocalDate(2026 + WorkingCalendar.ProvisionalYearsAhead, 12, 31), calendar.LastComputableDate);
        Assert.Throws<CalendarYearNotCoveredException>(() => WorkingCalendar.Default.IsWorkingDay(new LocalDate(2027, 1, 1)));
    }
}

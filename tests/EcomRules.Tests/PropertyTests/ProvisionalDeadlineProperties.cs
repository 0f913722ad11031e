using EcomRules.Calendars;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Processing;
using EcomRules.Tests.Orders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

/// <summary>SLA-8 / DSP-1: deadlines computed provisionally and recomputed when the year's data arrives are exactly the
/// deadlines computed with the data from the start.</summary>
public sealed class ProvisionalDeadlineProperties
{
    /// <summary>A year of holiday data for 2027, an order paid in the last days of 2026, the steps that follow it, and
    /// when the data arrives: after the payment, before 2027 starts (so before any provisional deadline has come).</summary>
    public sealed record YearCase(bool PartsDistributor, LocalDate[] DaysOff, LocalDate[] MakeUpDays, int PaidMinute, int[] StepMinutes, int DataMinute)
    {
        public PublicHolidayYear Year => new(2027, "国务院办公厅关于2027年部分节假日安排的通知 (generated)", DaysOff, MakeUpDays);

        // Minutes from 28 December 2026 00:00 Shanghai.
        public Instant PaidAt => Start + Duration.FromMinutes(PaidMinute);

        public Instant DataArrivesAt => PaidAt + Duration.FromMinutes(DataMinute);

        public override string ToString()
            => $"{(PartsDistributor ? "parts" : "retail")}, off [{string.Join(", ", DaysOff.Select(d => d.ToString("MM-dd", null)))}], make-up [{string.Join(", ", MakeUpDays.Select(d => d.ToString("MM-dd", null)))}], paid {PaidAt}, steps +[{string.Join(", ", StepMinutes)}] min, data +{DataMinute} min";
    }

    private static readonly Instant Start = OrderScenario.At(2026, 12, 28, 0, 0);

    /// <summary>The generator and shrinker of <see cref="YearCase"/>: days off and make-up days in January 2027 (where
    /// deadlines of late-December payments fall), make-up days on weekends that are not off.</summary>
    public static class Arbitraries
    {
        public static Arbitrary<YearCase> YearCases() => Arb.From(Generate(), Shrink);

        private static Gen<YearCase> Generate()
            => from parts in Gen.Elements(true, false)
               from offDays in Gen.SubListOf(Enumerable.Range(1, 20).ToArray())
               from makeUpDays in Gen.SubListOf(Enumerable.Range(1, 31).Where(d => new LocalDate(2027, 1, d).DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday).ToArray())
               from paid in Gen.Choose(0, (4 * 24 * 60) - 1)
               from steps in Gen.ListOf(Gen.Choose(1, 6 * 24 * 60)).Select(s => s.Take(3).Order().ToArray())
               from data in Gen.Choose(0, (4 * 24 * 60) - 1 - paid)
               select new YearCase(parts, [.. offDays.Select(d => new LocalDate(2027, 1, d))],
                   [.. makeUpDays.Where(d => !offDays.Contains(d)).Select(d => new LocalDate(2027, 1, d))], paid, steps, data);

        private static IEnumerable<YearCase> Shrink(YearCase c)
        {
            for (var i = 0; i < c.DaysOff.Length; i++)
            {
                yield return c with { DaysOff = [.. c.DaysOff.Where((_, j) => j != i)] };
            }

            for (var i = 0; i < c.MakeUpDays.Length; i++)
            {
                yield return c with { MakeUpDays = [.. c.MakeUpDays.Where((_, j) => j != i)] };
            }

            if (c.StepMinutes.Length > 0)
            {
                yield return c with { StepMinutes = c.StepMinutes[..^1] };
            }

            if (c.DataMinute > 0)
            {
                yield return c with { DataMinute = c.DataMinute / 2 };
            }
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
    [Trait("Rule", "SLA-8")]
    public void SLA8_ProvisionalThenRecomputed_EqualsComputedWithTheDataFromTheStart(YearCase c)
    {
        var profile = c.PartsDistributor ? EcomPolicy.PartsDistributor : EcomPolicy.RetailPlatform;
        var year = c.Year;
        var withData = Run(new OrderScenario(profile.WithHolidayYear(year)), c, dataArrives: null);
        var provisional = Run(new OrderScenario(profile), c, dataArrives: scenario =>
        {
            scenario.Engine.ChangePolicy(scenario.Engine.Policy.WithHolidayYear(year));
            new DeadlineRecomputer(scenario.Store, scenario.Engine).RecomputeAsync(year, c.DataArrivesAt).AsTask().GetAwaiter().GetResult();
        });

        var expected = withData.Order("P-1");
        var actual = provisional.Order("P-1");
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.DispatchDate, actual.DispatchDate);
        Assert.Equal(expected.DispatchDeadline, actual.DispatchDeadline);
        Assert.Equal(expected.InvoiceBatchDate, actual.InvoiceBatchDate);
        Assert.Empty(actual.ProvisionalDeadlines);
        Assert.Equal(withData.Store.Timers.Select(t => (t.TimerId, t.Kind, t.DueAt)), provisional.Store.Timers.Select(t => (t.TimerId, t.Kind, t.DueAt)));
    }

    // Places and pays the order, then confirms, allocates and invoices it at the case's later minutes (as far as they go),
    // with the year's data arriving (when given) at its instant between them.
    private static OrderScenario Run(OrderScenario scenario, YearCase c, Action<OrderScenario>? dataArrives)
    {
        scenario.PlaceAndPay("P-1", c.PaidAt);
        OrderStep[] steps = [OrderStep.Confirm, OrderStep.Allocate, OrderStep.Invoice];
        for (var i = 0; i < c.StepMinutes.Length; i++)
        {
            var at = c.PaidAt + Duration.FromMinutes(c.StepMinutes[i]);
            if (dataArrives is not null && at >= c.DataArrivesAt)
            {
                dataArrives(scenario);
                dataArrives = null;
            }

            OrderScenario.Require(scenario.Run(steps[i], "P-1", at));
        }

        dataArrives?.Invoke(scenario);
        return scenario;
    }
}

using EcomRules.Calendars;
using EcomRules.Inventory;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Tests.Policies;

public sealed class EcomPolicyBuilderTests
{
    [Fact]
    [Trait("Rule", "ORD-6")]
    [Trait("Rule", "SLA-8")]
    [Trait("Rule", "DSP-2")]
    public void InvalidSettings_ListEveryProblemInOneException()
    {
        var builder = EcomPolicyBuilder.ForProfile(PolicyProfile.PartsDistributor);
        builder.RecordRetentionYears = 3;
        builder.Slas.Remove("SLA-4");
        builder.Cutoffs = DispatchCutoffs.Create(builder.Calendar).WithWarehouse(WarehouseId.Main, new LocalTime(15, 0)); // Central has none

        var invalid = Assert.Throws<EcomPolicyException>(builder.Build);
        Assert.Equal(3, invalid.Problems.Count);
        Assert.Contains(invalid.Problems, p => p.Contains("ORD-6", StringComparison.Ordinal) && p.Contains('3'));
        Assert.Contains(invalid.Problems, p => p.Contains("SLA-4", StringComparison.Ordinal));
        Assert.Contains(invalid.Problems, p => p.Contains("central", StringComparison.Ordinal) && p.Contains("cut-off", StringComparison.Ordinal));
        Assert.All(invalid.Problems, p => Assert.Contains(p, invalid.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Profiles_MatchTheCatalogue()
    {
        Assert.Equal((3, DispatchDayCount.CalendarDays), (EcomPolicy.RetailPlatform.DispatchDeadline.Days, EcomPolicy.RetailPlatform.DispatchDeadline.Count));
        Assert.Equal((1, DispatchDayCount.WorkingDays), (EcomPolicy.PartsDistributor.DispatchDeadline.Days, EcomPolicy.PartsDistributor.DispatchDeadline.Count));
        Assert.Equal(5, EcomPolicy.RetailPlatform.RecordRetentionYears);
        Assert.Equal(new LocalTime(15, 0), EcomPolicy.PartsDistributor.Cutoffs.CutoffOn(WarehouseId.Main, new LocalDate(2026, 3, 4)));
        Assert.Equal(new LocalTime(17, 0), EcomPolicy.RetailPlatform.Cutoffs.CutoffOn(WarehouseId.Central, new LocalDate(2026, 3, 4)));
    }

    [Fact]
    public void ToBuilder_RoundTripsAValidPolicy()
    {
        var copy = EcomPolicy.PartsDistributor.ToBuilder().Build();
        Assert.Equal(EcomPolicy.PartsDistributor.Name, copy.Name);
        Assert.Same(EcomPolicy.PartsDistributor.Cutoffs, copy.Cutoffs);
        Assert.Equal(EcomPolicy.PartsDistributor.Slas.Keys.Order(), copy.Slas.Keys.Order());
    }
}

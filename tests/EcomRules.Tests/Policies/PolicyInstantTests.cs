using EcomRules.Calendars;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Tests.Policies;

/// <summary><see cref="EcomPolicy.InstantAt"/>: a command's instant from the merchant's wall clock.</summary>
public sealed class PolicyInstantTests
{
    [Fact]
    public void InstantAt_ReadsTheLocalTimeInShanghai()
    {
        var instant = EcomPolicy.RetailPlatform.InstantAt(new LocalDateTime(2026, 3, 2, 14, 30));

        Assert.Equal(Instant.FromUtc(2026, 3, 2, 6, 30), instant);
    }

    [Fact]
    public void InstantAt_UsesThePolicyZone()
    {
        var builder = EcomPolicyBuilder.ForProfile(PolicyProfile.RetailPlatform);
        builder.Calendar = WorkingCalendar.Create(MerchantSchedule.Default.WithZone("Europe/Berlin"), ChinaPublicHolidays.Default);
        var berlin = builder.Build();

        Assert.Equal(Instant.FromUtc(2026, 3, 2, 13, 30), berlin.InstantAt(new LocalDateTime(2026, 3, 2, 14, 30)));
    }

    [Fact]
    public void InstantAt_SkippedLocalTime_MovesForwardByTheGap()
    {
        // Shanghai kept daylight saving time 1986–1991: on 14 April 1991 the clocks went from 02:00 to 03:00.
        var instant = EcomPolicy.RetailPlatform.InstantAt(new LocalDateTime(1991, 4, 14, 2, 30));

        Assert.Equal(Instant.FromUtc(1991, 4, 13, 18, 30), instant); // 03:30 at UTC+9
    }

    [Fact]
    public void InstantAt_AmbiguousLocalTime_IsTheEarlierInstant()
    {
        // On 15 September 1991 the clocks went back from 02:00 (UTC+9) to 01:00 (UTC+8): 01:30 happened twice.
        var instant = EcomPolicy.RetailPlatform.InstantAt(new LocalDateTime(1991, 9, 15, 1, 30));

        Assert.Equal(Instant.FromUtc(1991, 9, 14, 16, 30), instant); // the first 01:30, at UTC+9
    }
}

using EcomRules.Access;
using EcomRules.Access.Events;
using EcomRules.Commands;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using NodaTime;

namespace EcomRules.Tests.Access;

public sealed class AdminRosterTests
{
    private static readonly Instant DueAt = AccessFixture.Now + Duration.FromHours(24);

    [Theory]
    [MemberData(nameof(AccessFixture.Kinds), MemberType = typeof(AccessFixture))]
    [Trait("Rule", "SEC-4")]
    public async Task SEC4_a_sixth_administrator_is_refused_and_changes_nothing(string kind)
    {
        using var f = new AccessFixture(kind);
        for (var i = 1; i <= 5; i++)
        {
            await f.Ok(f.Add($"adm-{i}"));
        }

        var before = (f.Counts(), await f.Json(AdminRosterId.Platform.Key));
        var sixth = await f.Run(f.Add("adm-6"));
        Assert.Equal((RefusalCode.RuleViolation, RuleIds.Sec4), (sixth.Code, sixth.RuleId));
        Assert.Contains("the most the policy allows (5)", sixth.Reason, StringComparison.Ordinal);
        Assert.Equal(before.Item2, await f.Json(AdminRosterId.Platform.Key));
        Assert.Equal(["adm-1", "adm-2", "adm-3", "adm-4", "adm-5"], (await f.Roster()).Administrators.AsEnumerable());

        // Once one leaves there is room again.
        await f.Ok(f.Remove("adm-2"));
        await f.Ok(f.Add("adm-6"));
    }

    [Fact]
    [Trait("Rule", "SEC-4")]
    public async Task SEC4_the_limit_is_the_policys_and_nobody_is_added_twice()
    {
        var builder = EcomPolicy.RetailPlatform.ToBuilder();
        builder.Access = new AccessPolicy(maxAdministrators: 2);
        using var f = new AccessFixture("memory", builder.Build());
        await f.Ok(f.Add("adm-1"));
        Assert.Equal(RuleIds.Sec4, (await f.Run(f.Add("adm-1"))).RuleId);
        await f.Ok(f.Add("adm-2"));
        Assert.Equal(RuleIds.Sec4, (await f.Run(f.Add("adm-3"))).RuleId);
    }

    [Theory]
    [MemberData(nameof(AccessFixture.Kinds), MemberType = typeof(AccessFixture))]
    [Trait("Rule", "SEC-4")]
    public async Task SEC4_removing_an_administrator_records_a_credential_rotation_that_breaches_when_not_done_in_time(string kind)
    {
        using var f = new AccessFixture(kind);
        await f.Ok(f.Add("adm-1"));
        var removed = await f.Ok(f.Remove("adm-1"));
        Assert.Equal(new AdministratorRemoved(AdminRosterId.Platform.Key, AccessFixture.Now, "adm-1", DueAt), Assert.Single(removed.Events));
        var rotation = Assert.Single((await f.Roster()).Rotations);
        Assert.Equal(new CredentialRotation("adm-1", AccessFixture.Now, DueAt, null, null, false), rotation);
        Assert.Empty((await f.Roster()).Administrators.AsEnumerable());

        var scheduler = new TimerScheduler((ITimerStore)f.Store, f.Engine);
        Assert.Equal(0, await scheduler.RunOnceAsync("host-1", DueAt - Duration.FromMinutes(1)));
        Assert.Equal(1, await scheduler.RunOnceAsync("host-1", DueAt));
        var breached = Assert.Single((await f.Roster()).Rotations);
        Assert.True(breached.Breached);
        Assert.False(breached.IsDone);
        var trail = await f.Store.ReadAuditAsync(AdminRosterId.Platform.Key);
        Assert.Equal(("RecordCredentialRotationOverdue", "system", "rotation pending → breached"), (trail[^1].Action, trail[^1].ActorId, trail[^1].Change));

        // Done late, it stays marked as breached.
        var late = await f.Ok(new ConfirmCredentialRotation(f.NextId(), AccessFixture.Admin, DueAt + Duration.FromHours(1), AdminRosterId.Platform, "adm-1"));
        Assert.Equal(new CredentialRotationConfirmed(AdminRosterId.Platform.Key, DueAt + Duration.FromHours(1), "adm-1", Late: true), Assert.Single(late.Events));
        Assert.True(Assert.Single((await f.Roster()).Rotations).Breached);
    }

    [Fact]
    [Trait("Rule", "SEC-4")]
    public async Task SEC4_a_rotation_done_in_time_cancels_its_timer_and_never_breaches()
    {
        using var f = new AccessFixture("memory");
        await f.Ok(f.Add("adm-1"));
        await f.Ok(f.Add("adm-2"));
        await f.Ok(f.Remove("adm-1"));
        var own = await f.Run(new ConfirmCredentialRotation(f.NextId(), new Actor("adm-1", ActorRole.Administrator), AccessFixture.Now, AdminRosterId.Platform, "adm-1"));
        Assert.Equal(RuleIds.Sec4, own.RuleId); // the leaver does not rotate what they knew
        await f.Ok(new ConfirmCredentialRotation(f.NextId(), new Actor("adm-2", ActorRole.Administrator), AccessFixture.Now + Duration.FromHours(2), AdminRosterId.Platform, "adm-1"));
        Assert.Empty(((global::EcomRules.Testing.InMemoryEcomStore)f.Store).Timers);
        Assert.Equal(0, await new TimerScheduler((ITimerStore)f.Store, f.Engine).RunOnceAsync("host-1", DueAt + Duration.FromDays(1)));
        var rotation = Assert.Single((await f.Roster()).Rotations);
        Assert.Equal((true, false, "adm-2"), (rotation.IsDone, rotation.Breached, rotation.DoneBy));
        Assert.Equal(RuleIds.Sec4, (await f.Run(new ConfirmCredentialRotation(f.NextId(), AccessFixture.Admin, DueAt, AdminRosterId.Platform, "adm-1"))).RuleId); // nothing pending
        Assert.Equal(RuleIds.Sec4, (await f.Run(f.Remove("adm-1"))).RuleId); // not an administrator any more
    }

    [Fact]
    [Trait("Rule", "SEC-4")]
    [Trait("Rule", "SEC-2")]
    public async Task SEC4_only_administrators_and_headquarters_manage_the_roster()
    {
        using var f = new AccessFixture("memory");
        var clerk = await f.Run(f.Add("adm-1", AccessFixture.Clerk));
        Assert.Equal((RefusalCode.NotPermitted, RuleIds.Sec2), (clerk.Code, clerk.RuleId));
        await f.Ok(f.Add("adm-1", AccessFixture.Head));
        await f.Ok(f.Add("adm-2", new Actor("adm-1", ActorRole.Administrator)));
        Assert.Equal(RuleIds.Sec2, (await f.Run(f.Remove("adm-2", AccessFixture.Service))).RuleId);
        Assert.Equal(RuleIds.Sec2, (await f.Run(new RecordCredentialRotationOverdue(f.NextId(), AccessFixture.Admin, DueAt, AdminRosterId.Platform, "adm-2"))).RuleId);
    }

    [Fact]
    [Trait("Rule", "SEC-3")]
    public async Task SEC4_removal_needs_a_reason_for_the_audit_trail()
    {
        using var f = new AccessFixture("memory");
        await f.Ok(f.Add("adm-1"));
        var refused = await f.Run(f.Remove("adm-1") with { RemovalReason = " " });
        Assert.Equal((RefusalCode.InvalidInput, RuleIds.Sec3), (refused.Code, refused.RuleId));
        await f.Ok(f.Remove("adm-1"));
        Assert.Equal("left the company", (await f.Store.ReadAuditAsync(AdminRosterId.Platform.Key))[^1].Why);
    }
}

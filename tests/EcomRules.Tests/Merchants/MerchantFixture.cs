using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Merchants;
using EcomRules.Policies;
using EcomRules.Processing;
using EcomRules.Testing;
using NodaTime;

namespace EcomRules.Tests.Merchants;

/// <summary>Drives merchants and listings through <see cref="EcomEngine"/> on an in-memory store, keeping every accepted event.</summary>
internal sealed class MerchantFixture
{
    internal static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    internal static readonly Actor Applicant = new("m-owner-1", new ActorRole("merchant"));
    internal static readonly Actor Reviewer = new("ops-1", ActorRole.Operations);
    internal static readonly Actor Sales = new("sales-1", ActorRole.Sales);
    internal static readonly LocalDate Today = new(2026, 3, 3); // a Tuesday
    internal static readonly Instant Now = At(Today);
    internal static readonly MerchantId Shop = new("M-1");

    /// <summary>A published code with both check characters right.</summary>
    internal const string ValidCode = "91350100M000100Y43";

    private int _next;

    internal MerchantFixture(EcomPolicy? policy = null)
    {
        Store = new InMemoryEcomStore();
        Engine = new EcomEngine(Store, policy ?? EcomPolicy.RetailPlatform);
        Scheduler = new TimerScheduler(Store, Engine, EcomModules.TimerHandlers);
    }

    internal InMemoryEcomStore Store { get; }

    internal EcomEngine Engine { get; }

    internal TimerScheduler Scheduler { get; }

    internal List<DomainEvent> Events { get; } = [];

    internal static Instant At(LocalDate day, int hour = 10) => day.At(new LocalTime(hour, 0)).InZoneStrictly(Zone).ToInstant();

    /// <summary>A valid code from a division and an organisation code's first eight characters, both check characters computed.</summary>
    internal static string Code(string division, string organization8)
    {
        var first17 = "91" + division + organization8 + UnifiedSocialCreditCode.ComputeOrganizationCodeCheckCharacter(organization8);
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    internal CommandId NextId() => new("m" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal Decision Run(EcomCommand command)
    {
        var pending = Engine.ExecuteAsync(command);
        Assert.True(pending.IsCompleted);
        var decision = pending.Result;
        if (decision.IsAccepted)
        {
            Events.AddRange(decision.Events);
        }

        return decision;
    }

    internal T Ok<T>(EcomCommand command)
        where T : class
    {
        var decision = Run(command);
        Assert.True(decision.IsAccepted, decision.Reason);
        return decision.StateAs<T>();
    }

    internal Merchant? Merchant(MerchantId id) => Store.LoadAsync(id.Key).Result?.State as Merchant;

    internal Listing? Listing(ListingId id) => Store.LoadAsync(id.Key).Result?.State as Listing;

    internal ApplyForAdmission Apply(MerchantId? id = null, string code = ValidCode, string tax = ValidCode, Instant? at = null)
        => new(NextId(), Applicant, at ?? Now, id ?? Shop, "Fuzhou Example Trading Co., Ltd.", code, tax);

    internal ReviewQualification Review(bool approved = true, MerchantId? id = null, Instant? at = null, int months = 12, Actor? by = null)
        => new(NextId(), by ?? Reviewer, at ?? Now, id ?? Shop, approved, approved ? "licence and tax registration verified" : "licence expired", months);

    /// <summary>Applies and admits <paramref name="id"/>.</summary>
    internal Merchant Admitted(MerchantId? id = null, Instant? at = null, int months = 12)
    {
        Ok<Merchant>(Apply(id, at: at));
        return Ok<Merchant>(Review(id: id, at: at, months: months));
    }

    internal SanctionMerchant Sanction(SanctionStep step, string reason = "counterfeit goods reported", MerchantId? id = null)
        => new(NextId(), Reviewer, Now, id ?? Shop, step, reason);

    internal int FireTimers(Instant now) => Scheduler.RunOnceAsync("test", now).AsTask().GetAwaiter().GetResult();

    /// <summary>Runs a command that must be refused and checks that it changed nothing.</summary>
    internal Decision Refused(EcomCommand command)
    {
        var key = command.Target;
        var before = Store.LoadAsync(key).Result;
        var events = Events.Count;
        var timers = Store.Timers.Count;
        var decision = Run(command);
        Assert.True(decision.IsRefused, "expected a refusal: " + decision);
        var after = Store.LoadAsync(key).Result;
        Assert.Equal(before?.Version, after?.Version);
        Assert.Same(before?.State, after?.State);
        Assert.Equal(events, Events.Count);
        Assert.Equal(timers, Store.Timers.Count);
        return decision;
    }
}

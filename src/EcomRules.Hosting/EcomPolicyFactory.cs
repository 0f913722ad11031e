using EcomRules.Calendars;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Hosting;

/// <summary>Builds the <see cref="EcomPolicy"/> that <see cref="EcomRulesOptions"/> describe: a profile plus overrides.</summary>
public static class EcomPolicyFactory
{
    /// <summary>Builds the policy.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException">The profile or time zone is unknown, or the SLA warning thresholds are not ascending fractions in (0, 1).</exception>
    /// <exception cref="EcomPolicyException">The resulting policy is not valid; every problem is listed.</exception>
    public static EcomPolicy Create(EcomRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ProfileNames.TryParse(options.Profile, out var profile))
        {
            throw new ArgumentException($"'{options.Profile}' is not a policy profile.", nameof(options));
        }

        var builder = EcomPolicyBuilder.ForProfile(profile);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone)
            ?? throw new ArgumentException($"'{options.TimeZone}' is not an IANA time zone.", nameof(options));
        if (!string.Equals(zone.Id, builder.Calendar.Zone.Id, StringComparison.Ordinal))
        {
            builder.Calendar = WorkingCalendar.Create(builder.Calendar.Schedule.WithZone(zone), builder.Calendar.Holidays);
        }

        if (options.DispatchCutoff is { } cutoff)
        {
            builder.Cutoff = LocalTime.FromTimeOnly(cutoff);
        }

        if (options.DispatchDeadlineDays is not null || options.DispatchDeadlineInWorkingDays is not null)
        {
            builder.DispatchDeadline = new DispatchDeadlinePolicy(
                options.DispatchDeadlineDays ?? builder.DispatchDeadline.Days,
                options.DispatchDeadlineInWorkingDays is { } working
                    ? (working ? DispatchDayCount.WorkingDays : DispatchDayCount.CalendarDays)
                    : builder.DispatchDeadline.Count);
        }

        if (options.NoReasonReturnDays is not null || options.ExchangeDays is not null || options.QualityProblemDays is not null)
        {
            builder.Returns = new ReturnWindowPolicy(
                options.NoReasonReturnDays ?? builder.Returns.NoReasonReturnDays,
                options.ExchangeDays ?? builder.Returns.ExchangeDays,
                options.QualityProblemDays ?? builder.Returns.QualityProblemDays);
        }

        if (options.RefundHeadquartersThreshold is { } threshold)
        {
            var tiers = builder.Refunds;
            builder.Refunds = new RefundApprovalPolicy(Money.RoundToFen(threshold), tiers.DepartmentApprover, tiers.HeadquartersApprover, tiers.FinanceReviewer, tiers.Payer);
        }

        if (options.DailyLedgerTime is not null || options.SettlementDay is not null || options.SettlementShift is not null)
        {
            // FIN-1, FIN-2: an undefined shift throws ArgumentOutOfRangeException (reported at start-up).
            var ledgers = builder.Ledgers;
            builder.Ledgers = new LedgerPolicy(options.DailyLedgerTime is { } time ? LocalTime.FromTimeOnly(time) : ledgers.DailyLedgerTime,
                options.SettlementDay ?? ledgers.SettlementDay, options.SettlementShift ?? ledgers.Shift);
        }

        if (options.SlaWarningThresholds is { } thresholds)
        {
            // SLA-8: one set of warning thresholds for every SLA; an invalid set throws ArgumentException (reported at start-up).
            foreach (var id in builder.Slas.Keys.ToArray())
            {
                builder.Slas[id] = builder.Slas[id].WithWarningThresholds(thresholds.ToArray());
            }
        }

        builder.Access = new AccessPolicy(Grants(options.Permissions), options.MaxAdministrators, NodaTime.Duration.FromHours(options.CredentialRotationHours));
        builder.RecordRetentionYears = options.RecordRetentionYears;
        builder.StockTracking = options.StockTracking;
        builder.DeliveredMessageRetention = NodaTime.Duration.FromDays(options.DeliveredMessageRetentionDays);
        builder.UncoveredYears = options.Calendar?.UncoveredYears ?? UncoveredYears.Provisional;
        return WithConfiguredYears(builder.Build(), options.Calendar);
    }

    /// <summary>The grants configured under <c>EcomRules:Permissions</c> (SEC-2).</summary>
    /// <exception cref="ArgumentException">A command name or role is blank.</exception>
    private static CommandPermissions Grants(Dictionary<string, string[]>? permissions)
    {
        var grants = CommandPermissions.Empty;
        foreach (var (command, roles) in permissions ?? [])
        {
            grants = grants.Allow(command, [.. (roles ?? []).Select(static r => new ActorRole(r))]);
        }

        return grants;
    }

    /// <summary>Returns <paramref name="policy"/> with the public-holiday years of <paramref name="calendar"/> (DSP-1). A
    /// configured year replaces the data the policy has for it (a correction at run time); the validation has already
    /// refused a built-in year without <c>Override</c>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="calendar">The calendar options; null adds nothing.</param>
    /// <returns>The policy with the years, or <paramref name="policy"/> when they add nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">The years are not valid; the message lists every problem.</exception>
    internal static EcomPolicy WithConfiguredYears(EcomPolicy policy, EcomCalendarOptions? calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (years, problems) = HolidayYearReader.Read(calendar, ChinaPublicHolidays.Default);
        if (years is null)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(calendar));
        }

        return policy.WithHolidayYears(years.Select(y => y.Year), replaceExisting: true);
    }
}

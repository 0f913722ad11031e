using EcomRules.Calendars;
using EcomRules.Policies;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcomRules.Hosting;

/// <summary>
/// Validates what the annotations cannot: the profile and time zone names, and the policy the options make, listing
/// every problem the policy reports.
/// </summary>
internal sealed class EcomPolicyOptionsValidator(ConfigurationBindingProblems bindingProblems) : IValidateOptions<EcomRulesOptions>
{
    private readonly EcomRulesOptionsValidator _annotations = new();

    public ValidateOptionsResult Validate(string? name, EcomRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(bindingProblems.For(options)); // values configuration could not give
        if (!ProfileNames.TryParse(options.Profile, out _))
        {
            failures.Add($"EcomRules:Profile '{options.Profile}' is not a profile; use '{ProfileNames.RetailPlatform}' or '{ProfileNames.PartsDistributor}'.");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone ?? string.Empty) is null)
        {
            failures.Add($"EcomRules:TimeZone '{options.TimeZone}' is not an IANA time zone such as 'Asia/Shanghai'.");
        }

        failures.AddRange(HolidayYearReader.Read(options.Calendar, ChinaPublicHolidays.Default).Problems);
        CheckPermissions(options.Permissions, failures);
        CheckProcessing("Outbox", options.Outbox, failures);
        CheckProcessing("Timers", options.Timers, failures);
        CheckProcessing("Purge", options.Purge, failures);
        if (options.RefundHeadquartersThreshold is { } threshold)
        {
            if (threshold <= 0m || threshold > Money.MaxYuan)
            {
                failures.Add($"EcomRules:RefundHeadquartersThreshold must be above 0 and at most {Money.MaxYuan} yuan; it is {threshold}.");
            }
            else if (decimal.Round(threshold, 2) != threshold)
            {
                failures.Add($"EcomRules:RefundHeadquartersThreshold {threshold} has a fraction of a fen; give yuan with at most two decimals (REF-2).");
            }
        }

        // The policy is built only from options that pass their own checks and the annotations (reported by the
        // source-generated validator), so each problem is listed once.
        if (failures.Count == 0 && !_annotations.Validate(name, options).Failed)
        {
            try
            {
                _ = EcomPolicyFactory.Create(options);
            }
            catch (EcomPolicyException e)
            {
                failures.AddRange(e.Problems.Select(p => "EcomRules policy: " + p));
            }
            catch (ArgumentException e)
            {
                failures.Add("EcomRules policy: " + e.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPermissions(Dictionary<string, string[]>? permissions, List<string> failures)
    {
        // SEC-2: a grant names a command the engine knows (a typo would grant nothing) and roles that are not blank.
        var known = Engine.EcomEngine.PermissionsFor(EcomPolicy.RetailPlatform).Commands;
        foreach (var (command, roles) in permissions ?? [])
        {
            if (!known.Contains(command, StringComparer.Ordinal))
            {
                failures.Add($"EcomRules:Permissions:{command} is not a command; the commands are {string.Join(", ", known)} (SEC-2).");
            }

            if (roles is null || roles.Length == 0 || Array.Exists(roles, string.IsNullOrWhiteSpace))
            {
                failures.Add($"EcomRules:Permissions:{command} needs one or more role names, none blank (SEC-2).");
            }
        }
    }

    private static void CheckProcessing(string name, EcomProcessingOptions? options, List<string> failures)
    {
        if (options is null)
        {
            failures.Add($"EcomRules:{name} must be set.");
            return;
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"EcomRules:{name}:PollInterval must be between 10 ms and 1 hour; it is {options.PollInterval}.");
        }

        if (options.Lease < TimeSpan.FromSeconds(1) || options.Lease > TimeSpan.FromHours(1))
        {
            failures.Add($"EcomRules:{name}:Lease must be between 1 second and 1 hour; it is {options.Lease}.");
        }
    }
}

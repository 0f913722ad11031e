using System.ComponentModel.DataAnnotations;
using EcomRules.Calendars;
using EcomRules.Policies;
using Microsoft.Extensions.Options;

namespace EcomRules.Hosting;

/// <summary>
/// The settings of EcomRules in a host, bound from the <c>"EcomRules"</c> configuration section and validated at
/// start-up with every problem listed. Everything left null keeps the profile's value (see <c>RULES.md</c>'s
/// profile table).
/// </summary>
public sealed class EcomRulesOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "EcomRules";

    /// <summary>Gets or sets the built-in policy profile: <c>retail-platform</c> or <c>parts-distributor</c>.</summary>
    /// <value>The default is <c>retail-platform</c>.</value>
    [Required]
    public string Profile { get; set; } = ProfileNames.RetailPlatform;

    /// <summary>Gets or sets the merchant's IANA time zone.</summary>
    /// <value>The default is <c>Asia/Shanghai</c>.</value>
    [Required]
    public string TimeZone { get; set; } = MerchantSchedule.DefaultZoneId;

    /// <summary>Gets or sets the dispatch cut-off for every warehouse (DSP-2, DSP-3), or null for the profile's.</summary>
    /// <value>The default is null: 17:00 retail, 15:00 parts distributor.</value>
    public TimeOnly? DispatchCutoff { get; set; }

    /// <summary>Gets or sets the dispatch deadline in days after payment (ORD-3), or null for the profile's.</summary>
    /// <value>The default is null: 3 calendar days retail, 1 working day parts distributor.</value>
    [Range(1, 60)]
    public int? DispatchDeadlineDays { get; set; }

    /// <summary>Gets or sets whether <see cref="DispatchDeadlineDays"/> counts working days (true) or calendar days (false).</summary>
    /// <value>The default is null: the profile's.</value>
    public bool? DispatchDeadlineInWorkingDays { get; set; }

    /// <summary>Gets or sets the no-reason return window in days (RET-2), or null for the profile's.</summary>
    [Range(1, 365)]
    public int? NoReasonReturnDays { get; set; }

    /// <summary>Gets or sets the exchange window in days (RET-2), or null for the profile's.</summary>
    [Range(1, 365)]
    public int? ExchangeDays { get; set; }

    /// <summary>Gets or sets the quality-problem window in days (RET-2), or null for the profile's.</summary>
    [Range(1, 365)]
    public int? QualityProblemDays { get; set; }

    /// <summary>Gets or sets the refund amount from which headquarters approves (REF-2), in yuan.</summary>
    /// <value>The default is null: CNY 5,000.</value>
    public decimal? RefundHeadquartersThreshold { get; set; }

    /// <summary>Gets or sets the time of day the daily sales ledger of the previous working day is produced (FIN-1).</summary>
    /// <value>The default is null: 09:00.</value>
    public TimeOnly? DailyLedgerTime { get; set; }

    /// <summary>Gets or sets the day of the month the settlement closes (FIN-2).</summary>
    /// <value>The default is null: the 25th.</value>
    [Range(1, 28)]
    public int? SettlementDay { get; set; }

    /// <summary>Gets or sets where the settlement moves when its day is not a working day (FIN-2).</summary>
    /// <value>The default is null: <see cref="SettlementShift.PreviousWorkingDay"/>.</value>
    public SettlementShift? SettlementShift { get; set; }

    /// <summary>Gets or sets whether the order flow keeps stock (WH-1, WH-3, SLA-7; <see cref="EcomRules.Policies.EcomPolicy.StockTracking"/>).</summary>
    /// <value>The default is false.</value>
    public bool StockTracking { get; set; }

    /// <summary>Gets or sets how many years records are kept at least (ORD-6).</summary>
    /// <value>The default is 5, the least allowed.</value>
    [Range(5, 100)]
    public int RecordRetentionYears { get; set; } = 5;

    /// <summary>Gets or sets the SLA warning thresholds (SLA-8) as exact fractions of each SLA's goal, strictly ascending,
    /// each strictly between 0 and 1, such as <c>[0.5, 0.75]</c>; applied to every SLA of the profile.</summary>
    /// <value>The default is null: the profile's (50 % and 75 %).</value>
    public IList<decimal>? SlaWarningThresholds { get; set; }

    /// <summary>Gets or sets how many days a delivered outbox message is kept before it is purged; audit entries and
    /// idempotency records keep <see cref="RecordRetentionYears"/> (ORD-6).</summary>
    /// <value>The default is 30.</value>
    [Range(1, 3650)]
    public int DeliveredMessageRetentionDays { get; set; } = 30;

    /// <summary>Gets or sets the name this host claims work under (leases); null for machine name and process ID.</summary>
    [StringLength(100)]
    public string? WorkerName { get; set; }

    /// <summary>Gets or sets how often a command is decided again after a concurrent change.</summary>
    /// <value>The default is 3.</value>
    [Range(0, 100)]
    public int MaxConcurrencyRetries { get; set; } = 3;

    /// <summary>Gets or sets roles that may issue commands beyond the modules' defaults (SEC-2), by command name, such as
    /// <c>"Permissions": { "PlaceOrder": [ "warehouse" ] }</c>. Grants only add; an unknown command name or a blank role
    /// fails start-up.</summary>
    /// <value>The default is empty: the modules' defaults.</value>
    public Dictionary<string, string[]> Permissions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the most administrator accounts at once (SEC-4).</summary>
    /// <value>The default is 5.</value>
    [Range(1, 10_000)]
    public int MaxAdministrators { get; set; } = Policies.AccessPolicy.DefaultMaxAdministrators;

    /// <summary>Gets or sets how many hours after an administrator is removed the credentials must be rotated (SEC-4).</summary>
    /// <value>The default is 24.</value>
    [Range(1, 8_760)]
    public int CredentialRotationHours { get; set; } = 24;

    /// <summary>Gets or sets the calendar: public-holiday years added as data and the treatment of uncovered years (DSP-1).</summary>
    [ValidateObjectMembers]
    public EcomCalendarOptions Calendar { get; set; } = new();

    /// <summary>Gets or sets how the outbox dispatcher runs.</summary>
    [ValidateObjectMembers]
    public EcomProcessingOptions Outbox { get; set; } = new();

    /// <summary>Gets or sets how the timer scheduler runs.</summary>
    [ValidateObjectMembers]
    public EcomProcessingOptions Timers { get; set; } = new();

    /// <summary>Gets or sets how the purge of delivered outbox messages runs: <see cref="EcomProcessingOptions.BatchSize"/>
    /// messages per batch, batches back to back while there is work, then <see cref="EcomProcessingOptions.PollInterval"/>
    /// until the next round. Needs a store that can purge (<see cref="Ports.IRetentionStore"/>).</summary>
    /// <value>The default polls every 10 minutes in batches of 500.</value>
    [ValidateObjectMembers]
    public EcomProcessingOptions Purge { get; set; } = new() { PollInterval = TimeSpan.FromMinutes(10), BatchSize = 500 };
}

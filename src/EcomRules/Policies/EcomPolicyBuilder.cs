using EcomRules.Calendars;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Policies;

/// <summary>
/// Assembles an <see cref="EcomPolicy"/>: start from a profile (<see cref="ForProfile"/>) or an existing policy
/// (<see cref="EcomPolicy.ToBuilder"/>), change what differs, then <see cref="Build"/> validates everything at once.
/// </summary>
public sealed class EcomPolicyBuilder
{
    /// <summary>Gets or sets the policy's name (shown in diagnostics).</summary>
    public string Name { get; set; } = "custom";

    /// <summary>Gets or sets the working calendar: holidays, make-up days, working hours, zone (DSP-1, DSP-4).</summary>
    public WorkingCalendar Calendar { get; set; } = WorkingCalendar.Default;

    /// <summary>Gets or sets what happens when a command's instant or deadlines reach a year the calendar has no
    /// public-holiday data for (DSP-1). The policy's calendar is built with this treatment.</summary>
    /// <value>The default is <see cref="Calendars.UncoveredYears.Provisional"/>.</value>
    public UncoveredYears UncoveredYears { get; set; } = UncoveredYears.Provisional;

    /// <summary>Gets or sets which warehouse ships to which province (WH-1).</summary>
    public WarehouseRouting Routing { get; set; } = WarehouseRouting.Default;

    /// <summary>Gets or sets the dispatch cut-offs per warehouse (DSP-2, DSP-3); null derives them from
    /// <see cref="Cutoff"/> for every warehouse of <see cref="Routing"/>.</summary>
    public DispatchCutoffs? Cutoffs { get; set; }

    /// <summary>Gets or sets the cut-off used when <see cref="Cutoffs"/> is null.</summary>
    /// <value>17:00 for the retail platform (DSP-3), 15:00 for the parts distributor (DSP-2).</value>
    public LocalTime Cutoff { get; set; } = DispatchCutoffs.RetailCutoff;

    /// <summary>Gets or sets the dispatch deadline after payment (ORD-3).</summary>
    public DispatchDeadlinePolicy DispatchDeadline { get; set; } = DispatchDeadlinePolicy.Default;

    /// <summary>Gets or sets the daily processing batches (DSP-5).</summary>
    public DispatchBatch DispatchBatch { get; set; } = DispatchBatch.Default;

    /// <summary>Gets or sets the daily invoice cut-off (INV-2): orders before it are invoiced today, later ones tomorrow.</summary>
    /// <value>The default is 15:00.</value>
    public LocalTime InvoiceCutoff { get; set; } = new(15, 0);

    /// <summary>Gets or sets the SLA definitions SLA-1..7, by ID.</summary>
    public IDictionary<string, SlaDefinition> Slas { get; } = SlaDefinitions.All.ToDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>Gets or sets the carriers and their fee tables (CAR-1, CAR-2).</summary>
    public CarrierPolicy Carriers { get; set; } = CarrierPolicy.Default;

    /// <summary>Gets or sets the return windows (RET-2).</summary>
    public ReturnWindowPolicy Returns { get; set; } = ReturnWindowPolicy.RetailPlatform;

    /// <summary>Gets or sets the refund approval tiers (REF-2, REF-3).</summary>
    public RefundApprovalPolicy Refunds { get; set; } = RefundApprovalPolicy.Default;

    /// <summary>Gets or sets when the daily ledger and the monthly settlement close (FIN-1, FIN-2).</summary>
    /// <value>The default is <see cref="LedgerPolicy.Default"/>: the daily ledger at 09:00, the settlement on the 25th, moved to the previous working day.</value>
    public LedgerPolicy Ledgers { get; set; } = LedgerPolicy.Default;

    /// <summary>Gets or sets how many years transaction and audit records are kept at least (ORD-6).</summary>
    /// <value>The default is 5, which is also the least allowed.</value>
    public int RecordRetentionYears { get; set; } = EcomPolicy.MinimumRecordRetentionYears;

    /// <summary>Gets or sets how long a delivered outbox message is kept before it is purged; audit entries and
    /// idempotency records keep <see cref="RecordRetentionYears"/> (ORD-6).</summary>
    /// <value>The default is 30 days; positive.</value>
    public Duration DeliveredMessageRetention { get; set; } = Duration.FromDays(30);

    /// <summary>Gets or sets how much text and how many items a command may carry.</summary>
    /// <value>The default is <see cref="InputLimits.Default"/>: codes 64, texts 200, reasons 2,000 characters; 1,000 items.</value>
    public InputLimits Limits { get; set; } = InputLimits.Default;

    /// <summary>Gets or sets the access settings: grants beyond the modules' permissions (SEC-2), the administrator
    /// limit and the credential rotation deadline (SEC-4).</summary>
    /// <value>The default is <see cref="AccessPolicy.Default"/>: no extra grants, 5 administrators, 24 hours.</value>
    public AccessPolicy Access { get; set; } = AccessPolicy.Default;

    /// <summary>Gets or sets whether the order flow keeps stock (WH-1, WH-3, SLA-7): see <see cref="EcomPolicy.StockTracking"/>.</summary>
    /// <value>The default is false.</value>
    public bool StockTracking { get; set; }

    /// <summary>Gets or sets the sales-velocity thresholds of fast and slow movers (WH-7).</summary>
    /// <value>The default is <see cref="StockVelocityPolicy.Default"/>.</value>
    public StockVelocityPolicy StockVelocity { get; set; } = StockVelocityPolicy.Default;

    /// <summary>Creates a builder holding a built-in profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="profile"/> is not defined.</exception>
    public static EcomPolicyBuilder ForProfile(PolicyProfile profile) => profile switch
    {
        PolicyProfile.RetailPlatform => new EcomPolicyBuilder
        {
            Name = "retail-platform",
            Cutoff = DispatchCutoffs.RetailCutoff,
            DispatchDeadline = new DispatchDeadlinePolicy(3, DispatchDayCount.CalendarDays),
            Returns = ReturnWindowPolicy.RetailPlatform,
        },
        PolicyProfile.PartsDistributor => new EcomPolicyBuilder
        {
            Name = "parts-distributor",
            Cutoff = DispatchCutoffs.PartsDistributorCutoff,
            DispatchDeadline = new DispatchDeadlinePolicy(1, DispatchDayCount.WorkingDays),
            Returns = ReturnWindowPolicy.PartsDistributor,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown policy profile."),
    };

    /// <summary>Validates the settings and builds the policy.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="EcomPolicyException">The settings are not valid; every problem is listed.</exception>
    public EcomPolicy Build() => new(this);
}

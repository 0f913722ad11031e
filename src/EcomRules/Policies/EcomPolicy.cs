using System.Collections.Frozen;
using EcomRules.Calendars;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Policies;

/// <summary>
/// Every number the rules use, validated and immutable: calendar, cut-offs, dispatch deadline, SLA goals, warehouse
/// routing, carriers and fee tables, return windows, refund tiers and record retention. Two built-in profiles
/// match the catalogue's profile table; every number is a setting a merchant can change through
/// <see cref="EcomPolicyBuilder"/>. Invalid settings fail at construction with every problem listed.
/// </summary>
public sealed partial class EcomPolicy
{
    /// <summary>The least number of years records are kept (ORD-6).</summary>
    public const int MinimumRecordRetentionYears = 5;

    private readonly FrozenDictionary<string, SlaDefinition> _slas;

    internal EcomPolicy(EcomPolicyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var problems = new List<string>();
        Name = string.IsNullOrWhiteSpace(builder.Name) ? Fail(problems, "The policy needs a name.", "invalid") : builder.Name;
        if (!Enum.IsDefined(builder.UncoveredYears))
        {
            problems.Add($"UncoveredYears {builder.UncoveredYears} is not a treatment of uncovered years; use Provisional or Refuse (DSP-1).");
        }

        // Everything derived from the calendar follows it: the policy's calendar carries the treatment of uncovered years.
        Calendar = builder.Calendar is null
            ? Fail<WorkingCalendar>(problems, "A working calendar is required (DSP-1).", null!)
            : Enum.IsDefined(builder.UncoveredYears) ? builder.Calendar.WithUncoveredYears(builder.UncoveredYears) : builder.Calendar;
        Routing = builder.Routing ?? Fail<WarehouseRouting>(problems, "A warehouse routing is required (WH-1).", null!);
        DispatchDeadline = builder.DispatchDeadline ?? Fail<DispatchDeadlinePolicy>(problems, "A dispatch deadline is required (ORD-3).", null!);
        DispatchBatch = builder.DispatchBatch ?? Fail<DispatchBatch>(problems, "The dispatch batches are required (DSP-5).", null!);
        Carriers = builder.Carriers ?? Fail<CarrierPolicy>(problems, "Carriers are required (CAR-1).", null!);
        Returns = builder.Returns ?? Fail<ReturnWindowPolicy>(problems, "Return windows are required (RET-2).", null!);
        Refunds = builder.Refunds ?? Fail<RefundApprovalPolicy>(problems, "Refund approval tiers are required (REF-2).", null!);
        Ledgers = builder.Ledgers ?? Fail<LedgerPolicy>(problems, "The ledger times are required (FIN-1, FIN-2).", null!);
        Limits = builder.Limits ?? Fail<InputLimits>(problems, "Input limits are required.", null!);
        Access = builder.Access ?? Fail<AccessPolicy>(problems, "Access settings are required (SEC-2, SEC-4).", null!);
        StockTracking = builder.StockTracking;
        StockVelocity = builder.StockVelocity ?? Fail<StockVelocityPolicy>(problems, "Stock velocity thresholds are required (WH-7).", null!);
        InvoiceCutoff = builder.InvoiceCutoff;
        RecordRetentionYears = builder.RecordRetentionYears;
        if (RecordRetentionYears < MinimumRecordRetentionYears)
        {
            problems.Add($"Records must be kept at least {MinimumRecordRetentionYears} years (ORD-6); {RecordRetentionYears} was given.");
        }

        DeliveredMessageRetention = builder.DeliveredMessageRetention;
        if (DeliveredMessageRetention <= Duration.Zero)
        {
            problems.Add($"Delivered outbox messages must be kept for a positive time; {DeliveredMessageRetention} was given.");
        }

        _slas = builder.Slas.ToFrozenDictionary(StringComparer.Ordinal);
        foreach (var id in SlaDefinitions.All.Select(d => d.Id).Where(id => !_slas.ContainsKey(id)))
        {
            problems.Add($"SLA definition {id} is missing (SLA-8).");
        }

        Cutoffs = BuildCutoffs(builder, problems);
        CheckCoverage(problems);
        if (problems.Count > 0)
        {
            throw new EcomPolicyException(problems);
        }
    }

    /// <summary>
    /// Gets whether the order flow keeps stock (WH-1, WH-3): allocating an order reserves its lines at its warehouse,
    /// shipment consumes them, cancellation releases them and a restocked return is stocked in (SLA-7).
    /// </summary>
    /// <value>The default is false: for merchants who keep stock elsewhere.</value>
    public bool StockTracking { get; }

    /// <summary>Gets the sales-velocity thresholds of fast and slow movers (WH-7).</summary>
    public StockVelocityPolicy StockVelocity { get; }

    /// <summary>Gets the retail platform profile (documents 000, 004).</summary>
    public static EcomPolicy RetailPlatform { get; } = EcomPolicyBuilder.ForProfile(PolicyProfile.RetailPlatform).Build();

    /// <summary>Gets the parts distributor profile (document 001).</summary>
    public static EcomPolicy PartsDistributor { get; } = EcomPolicyBuilder.ForProfile(PolicyProfile.PartsDistributor).Build();

    /// <summary>Gets the policy's name.</summary>
    public string Name { get; }

    /// <summary>Gets the working calendar (DSP-1, DSP-4).</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>Gets what happens when a command's instant or deadlines reach a year without public-holiday data (DSP-1).</summary>
    /// <value>The default is <see cref="Calendars.UncoveredYears.Provisional"/>.</value>
    public UncoveredYears UncoveredYears => Calendar.Uncovered;

    /// <summary>Gets the merchant's time zone.</summary>
    public DateTimeZone Zone => Calendar.Zone;

    /// <summary>Gets the warehouse routing (WH-1).</summary>
    public WarehouseRouting Routing { get; }

    /// <summary>Gets the dispatch cut-offs (DSP-2, DSP-3).</summary>
    public DispatchCutoffs Cutoffs { get; }

    /// <summary>Gets the dispatch deadline (ORD-3).</summary>
    public DispatchDeadlinePolicy DispatchDeadline { get; }

    /// <summary>Gets the daily processing batches (DSP-5).</summary>
    public DispatchBatch DispatchBatch { get; }

    /// <summary>Gets the daily invoice cut-off (INV-2).</summary>
    /// <value>The default is 15:00.</value>
    public LocalTime InvoiceCutoff { get; }

    /// <summary>Gets the carriers (CAR-1, CAR-2).</summary>
    public CarrierPolicy Carriers { get; }

    /// <summary>Gets the return windows (RET-2).</summary>
    public ReturnWindowPolicy Returns { get; }

    /// <summary>Gets the refund approval tiers (REF-2).</summary>
    public RefundApprovalPolicy Refunds { get; }

    /// <summary>Gets when the daily ledger and the monthly settlement close (FIN-1, FIN-2).</summary>
    public LedgerPolicy Ledgers { get; }

    /// <summary>Gets how many years records are kept at least (ORD-6).</summary>
    /// <value>The default is 5.</value>
    public int RecordRetentionYears { get; }

    /// <summary>
    /// Gets how long a delivered outbox message is kept before the purge job deletes it. Audit entries and idempotency
    /// records are not affected: they keep <see cref="RecordRetentionYears"/> (ORD-6, SEC-3).
    /// </summary>
    /// <value>The default is 30 days.</value>
    public Duration DeliveredMessageRetention { get; }

    /// <summary>Gets how much text and how many items a command may carry; more is refused as invalid input.</summary>
    /// <value>The default is <see cref="InputLimits.Default"/>: codes 64, texts 200, reasons 2,000 characters; 1,000 items.</value>
    public InputLimits Limits { get; }

    /// <summary>Gets the access settings: grants beyond the modules' permissions (SEC-2), the administrator limit and
    /// the credential rotation deadline (SEC-4).</summary>
    /// <value>The default is <see cref="AccessPolicy.Default"/>: no extra grants, 5 administrators, 24 hours.</value>
    public AccessPolicy Access { get; }

    /// <summary>Gets the SLA definitions by ID (<c>SLA-1</c> … <c>SLA-7</c>).</summary>
    public IReadOnlyDictionary<string, SlaDefinition> Slas => _slas;

    /// <summary>Gets an SLA definition.</summary>
    /// <param name="id">The ID, such as <c>SLA-1</c>.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="KeyNotFoundException">There is no such SLA.</exception>
    public SlaDefinition Sla(string id) => _slas.TryGetValue(id, out var definition)
        ? definition
        : throw new KeyNotFoundException($"The policy has no SLA '{id}'.");

    /// <summary>Gets the earliest instant a record made at <paramref name="at"/> may be purged (ORD-6).</summary>
    /// <param name="at">When the record was made.</param>
    /// <returns>The instant, <see cref="RecordRetentionYears"/> calendar years later in the merchant's zone.</returns>
    public Instant RetainUntil(Instant at)
    {
        // Calendar years in the offset in force at the record's time: no zone mapping per command.
        var zoned = at.InZone(Zone);
        return zoned.LocalDateTime.PlusYears(RecordRetentionYears).WithOffset(zoned.Offset).ToInstant();
    }

    /// <summary>Gets the date of the invoice batch an order paid at <paramref name="paidAt"/> belongs to (INV-2):
    /// paid before the cut-off on a working day → that day; otherwise the next working day. The batch is done by the
    /// cut-off of that day.</summary>
    /// <param name="paidAt">When the order was paid.</param>
    /// <returns>The batch date.</returns>
    public LocalDate InvoiceBatchDate(Instant paidAt)
    {
        var local = paidAt.InZone(Zone);
        return Calendar.IsWorkingDay(local.Date) && local.TimeOfDay < InvoiceCutoff
            ? local.Date
            : Calendar.NextWorkingDay(local.Date);
    }

    /// <summary>
    /// Returns this policy with one more year of public-holiday facts (DSP-1): the calendar, the dispatch cut-offs and
    /// everything else derived from the calendar follow. Adding a year already covered with the same dates returns this
    /// policy; replacing a covered year's dates must be asked for with <paramref name="replaceExisting"/>.
    /// </summary>
    /// <param name="year">The year's facts, adjacent to the covered years (or inside them, to replace one).</param>
    /// <param name="replaceExisting">Whether a covered year may be replaced by other dates.</param>
    /// <returns>The new policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="year"/> is null.</exception>
    /// <exception cref="ArgumentException">The year would leave a gap, or it is covered with other dates and
    /// <paramref name="replaceExisting"/> is false.</exception>
    /// <exception cref="EcomPolicyException">The policy is not valid on the new calendar (a per-date cut-off on a
    /// day the new year makes a holiday); every problem is listed.</exception>
    public EcomPolicy WithHolidayYear(PublicHolidayYear year, bool replaceExisting = false)
        => WithHolidayYears([Internal.Preconditions.CheckNotNull(year)], replaceExisting);

    /// <summary>Returns this policy with more years of public-holiday facts; see <see cref="WithHolidayYear"/>.</summary>
    /// <param name="years">The years' facts, in any order; together with the covered years they must be contiguous.</param>
    /// <param name="replaceExisting">Whether covered years may be replaced by other dates.</param>
    /// <returns>The new policy, or this one when nothing changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="years"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">The years would leave a gap, or replace a covered year without
    /// <paramref name="replaceExisting"/>.</exception>
    /// <exception cref="EcomPolicyException">The policy is not valid on the new calendar.</exception>
    public EcomPolicy WithHolidayYears(IEnumerable<PublicHolidayYear> years, bool replaceExisting = false)
    {
        Internal.Preconditions.CheckNotNull(years);
        var holidays = Calendar.Holidays;
        var changed = false;
        var pending = years.ToList();
        Internal.Preconditions.CheckArgument(pending.TrueForAll(y => y is not null), nameof(years), "A year is null.");
        while (pending.Count > 0)
        {
            // Each year is added when it is adjacent to (or inside) the covered range, so any order of contiguous years works;
            // a year that can never become adjacent is left for WithYear to refuse with the gap.
            var year = pending.Find(y => y.Year >= holidays.FirstYear - 1 && y.Year <= holidays.LastYear + 1) ?? pending.MinBy(y => y.Year)!;
            pending.Remove(year);
            if (holidays.Covers(year.Year))
            {
                var existing = holidays.GetYear(year.Year);
                if (existing.HasSameDates(year) && string.Equals(existing.Citation, year.Citation, StringComparison.Ordinal))
                {
                    continue;
                }

                Internal.Preconditions.CheckArgument(replaceExisting, nameof(years),
                    $"{year.Year} is already covered by {existing.Citation}; replacing a covered year must be explicit (replaceExisting: true, or Override in configuration).");
            }

            holidays = holidays.WithYear(year);
            changed = true;
        }

        if (!changed)
        {
            return this;
        }

        var builder = ToBuilder();
        builder.Calendar = Calendar.WithHolidays(holidays);
        return builder.Build();
    }

    /// <summary>Returns a builder holding this policy's settings.</summary>
    /// <returns>The builder.</returns>
    public EcomPolicyBuilder ToBuilder()
    {
        var builder = new EcomPolicyBuilder
        {
            Name = Name,
            Calendar = Calendar,
            UncoveredYears = UncoveredYears,
            Routing = Routing,
            Cutoffs = Cutoffs,
            DispatchDeadline = DispatchDeadline,
            DispatchBatch = DispatchBatch,
            InvoiceCutoff = InvoiceCutoff,
            Carriers = Carriers,
            Returns = Returns,
            Refunds = Refunds,
            Ledgers = Ledgers,
            RecordRetentionYears = RecordRetentionYears,
            DeliveredMessageRetention = DeliveredMessageRetention,
            Limits = Limits,
            Access = Access,
            StockTracking = StockTracking,
            StockVelocity = StockVelocity,
        };
        builder.Slas.Clear();
        foreach (var (id, definition) in _slas)
        {
            builder.Slas[id] = definition;
        }

        return builder;
    }

    /// <inheritdoc />
    public override string ToString() => $"Policy '{Name}'";

    private static T Fail<T>(List<string> problems, string problem, T placeholder)
    {
        problems.Add(problem);
        return placeholder;
    }

    private DispatchCutoffs BuildCutoffs(EcomPolicyBuilder builder, List<string> problems)
    {
        if (builder.Cutoffs is { } given)
        {
            if (Calendar is null)
            {
                return given;
            }

            try
            {
                // The cut-offs follow the policy's calendar (e.g. one with next year added), every rule checked again.
                return given.OnCalendar(Calendar);
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
                return given;
            }
        }

        var cutoffs = DispatchCutoffs.Create(Calendar ?? WorkingCalendar.Default);
        if (Routing is null)
        {
            return cutoffs;
        }

        foreach (var warehouse in Routing.Routes.Values.Distinct())
        {
            try
            {
                cutoffs = cutoffs.WithWarehouse(warehouse, builder.Cutoff);
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
            }
        }

        return cutoffs;
    }

    private void CheckCoverage(List<string> problems)
    {
        if (Routing is null || Carriers is null || Cutoffs is null)
        {
            return;
        }

        foreach (var warehouse in Routing.Routes.Values.Distinct().Where(w => !Cutoffs.Warehouses.Contains(w)))
        {
            problems.Add($"Warehouse '{warehouse}' receives orders (WH-1) but has no dispatch cut-off (DSP-2, DSP-3).");
        }

        foreach (var province in Province.All.Where(p => Carriers.Rank(p).IsEmpty))
        {
            problems.Add($"No carrier serves {province.EnglishName} (CAR-1).");
        }
    }
}

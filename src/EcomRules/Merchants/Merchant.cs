using System.Collections.Immutable;
using EcomRules.Customers;
using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// A merchant on the platform (MER-1, MER-3, MER-4): admitted after its qualification review (business licence with a
/// valid unified social credit code, tax registration), re-reviewed every <see cref="ReReviewMonths"/> months by a due
/// date on the working calendar and suspended when that lapses; carries a public credit rating from its
/// <see cref="Record"/> and the violation ladder's <see cref="Sanctions"/>; holds its permission requests. Immutable.
/// </summary>
public sealed record Merchant : IRecomputableDeadlines
{
    /// <summary>Points the ladder's <see cref="SanctionStep.PointsDeduction"/> step deducts (MER-3).</summary>
    public const int PointsPerDeduction = 12;

    /// <summary>Working days within which a permission request is decided (MER-4).</summary>
    public const int PermissionDecisionWorkingDays = 5;

    /// <summary>The default months between qualification reviews (MER-1).</summary>
    public const int DefaultReReviewMonths = 12;

    private Merchant(MerchantId id, string name, UnifiedSocialCreditCode creditCode, string taxRegistration, string appliedBy, Instant appliedAt)
    {
        Id = id;
        Name = name;
        CreditCode = creditCode;
        TaxRegistration = taxRegistration;
        AppliedBy = appliedBy;
        AppliedAt = appliedAt;
        Staff = [appliedBy];
        Record = MerchantRecord.Clean;
        Sanctions = [];
        PermissionRequests = [];
        ProvisionalDeadlines = [];
    }

    /// <summary>Gets the merchant's ID.</summary>
    public MerchantId Id { get; private init; }

    /// <summary>Gets the registered name on the business licence.</summary>
    public string Name { get; private init; }

    /// <summary>Gets the business licence's unified social credit code (GB 32100-2015, MER-1).</summary>
    public UnifiedSocialCreditCode CreditCode { get; private init; }

    /// <summary>Gets the tax registration (taxpayer identification) number (MER-1).</summary>
    public string TaxRegistration { get; private init; }

    /// <summary>Gets who applied.</summary>
    public string AppliedBy { get; private init; }

    /// <summary>
    /// Gets the IDs of the people who act for the merchant (SEC-2): the applicant, and whoever
    /// <see cref="AddMerchantStaff"/> added since. An actor in the <see cref="ActorRole.Merchant"/> role acts only for
    /// the merchants that list it; a command for another merchant is refused naming SEC-2.
    /// </summary>
    public ImmutableArray<string> Staff { get; private init; }

    /// <summary>Gets when it applied.</summary>
    public Instant AppliedAt { get; private init; }

    /// <summary>Gets where it stands.</summary>
    public MerchantState State { get; private init; }

    /// <summary>Gets when it was admitted; null before.</summary>
    public Instant? AdmittedAt { get; private init; }

    /// <summary>Gets the months between qualification reviews (MER-1).</summary>
    public int ReReviewMonths { get; private init; }

    /// <summary>Gets the date of the last qualification review passed (admission or re-review), from which the next is due; null before admission.</summary>
    public LocalDate? LastReviewedOn { get; private init; }

    /// <summary>Gets the working day by which the next qualification review is due (MER-1); null before admission.</summary>
    public LocalDate? ReReviewDue { get; private init; }

    /// <summary>Gets the reason for the current state: why it was rejected, suspended or removed; null otherwise.</summary>
    public string? StateReason { get; private init; }

    /// <summary>Gets the merchant's record of violations and deducted points (MER-3).</summary>
    public MerchantRecord Record { get; private init; }

    /// <summary>Gets the public credit rating (MER-3).</summary>
    public CreditRating Rating => Record.Rating;

    /// <summary>Gets the ladder's steps taken, in order (MER-3).</summary>
    public ImmutableArray<MerchantSanction> Sanctions { get; private init; }

    /// <summary>Gets the last ladder step taken (MER-3).</summary>
    public SanctionStep Ladder => Sanctions.IsDefaultOrEmpty ? SanctionStep.None : Sanctions[^1].Step;

    /// <summary>Gets the permission requests, in the order made (MER-4).</summary>
    public ImmutableArray<PermissionRequest> PermissionRequests { get; private init; }

    /// <summary>Gets the merchant's key in the store.</summary>
    public AggregateKey Key => Id.Key;

    /// <summary>
    /// Gets the deadlines (re-review, permission decisions) computed on provisional calendar days of a year without
    /// public-holiday data (DSP-1), recomputed when the year's data is added.
    /// </summary>
    public ImmutableArray<ProvisionalDeadline> ProvisionalDeadlines { get; private init; }

    /// <inheritdoc />
    public override string ToString() => $"Merchant {Id} ({State}, credit {Rating})";

    internal static Merchant Apply(MerchantId id, string name, UnifiedSocialCreditCode creditCode, string taxRegistration, string appliedBy, Instant at)
        => new(id, name, creditCode, taxRegistration, appliedBy, at) { State = MerchantState.UnderReview };

    // Persistence (EcomSerializer): rebuilds a stored state; the caller has validated each value.
    internal static Merchant Rehydrate(MerchantId id, string name, UnifiedSocialCreditCode creditCode, string taxRegistration, string appliedBy, Instant appliedAt,
        MerchantState state, (Instant? AdmittedAt, int Months, LocalDate? LastReviewedOn, LocalDate? Due) review, string? stateReason, MerchantRecord record,
        ImmutableArray<MerchantSanction> sanctions, ImmutableArray<PermissionRequest> permissionRequests, ImmutableArray<ProvisionalDeadline> provisional,
        ImmutableArray<string> staff)
        => new(id, name, creditCode, taxRegistration, appliedBy, appliedAt)
        {
            Staff = staff,
            State = state,
            AdmittedAt = review.AdmittedAt,
            ReReviewMonths = review.Months,
            LastReviewedOn = review.LastReviewedOn,
            ReReviewDue = review.Due,
            StateReason = stateReason,
            Record = record,
            Sanctions = sanctions,
            PermissionRequests = permissionRequests,
            ProvisionalDeadlines = provisional,
        };

    internal Merchant Admitted(Instant at, LocalDate reviewedOn, int months, LocalDate due)
        => this with { State = MerchantState.Admitted, AdmittedAt = AdmittedAt ?? at, ReReviewMonths = months, LastReviewedOn = reviewedOn, ReReviewDue = due, StateReason = null };

    /// <summary>Whether <paramref name="actor"/> may act for this merchant (SEC-2): anyone not in the merchant role, or one of its <see cref="Staff"/>.</summary>
    internal bool ActsFor(Actor actor) => actor.Role != ActorRole.Merchant || Staff.Contains(actor.Id, StringComparer.Ordinal);

    internal Merchant WithStaff(ImmutableArray<string> staff) => this with { Staff = staff };

    internal Merchant ReReviewedUntil(LocalDate reviewedOn, LocalDate due) => this with { LastReviewedOn = reviewedOn, ReReviewDue = due };

    internal Merchant Into(MerchantState state, string? reason) => this with { State = state, StateReason = reason };

    internal Merchant Recording(ViolationKind kind) => this with { Record = Record.With(kind) };

    internal Merchant Sanctioned(MerchantSanction sanction)
    {
        var next = this with { Sanctions = Sanctions.Add(sanction) };
        return sanction.Step switch
        {
            SanctionStep.PointsDeduction => next with { Record = Record.Deducting(PointsPerDeduction) },
            SanctionStep.Suspension => next.Into(MerchantState.Suspended, sanction.Reason),
            SanctionStep.Removal => next.Into(MerchantState.Removed, sanction.Reason),
            _ => next,
        };
    }

    object IRecomputableDeadlines.WithProvisionalDeadlines(ImmutableArray<ProvisionalDeadline> deadlines) => this with { ProvisionalDeadlines = deadlines };

    // DSP-1: both deadlines count working days forward from a covered date, so one is provisional when it lands in a provisional year.
    bool IRecomputableDeadlines.IsProvisional(TimerRequest timer, EcomPolicy policy) => timer.DueAt is { } due && policy.Calendar.IsProvisional(due);

    Instant? IRecomputableDeadlines.Recompute(ProvisionalDeadline deadline, EcomPolicy policy, Instant at) => deadline.Kind switch
    {
        MerchantCommand.ReReviewTimerKind when State == MerchantState.Admitted && LastReviewedOn is { } from
            => policy.Calendar.EndOfWorkingDay(ReviewQualification.DueDate(policy, from, ReReviewMonths)),
        MerchantCommand.PermissionTimerKind when FindRequest(deadline.TimerId[(deadline.TimerId.LastIndexOf('/') + 1)..]) is { State: PermissionRequestState.Pending } request
            => RequestElevatedPermission.DueAt(policy, request.RequestedAt),
        _ => deadline.DueAt,
    };

    object IRecomputableDeadlines.RecomputeDerivedDates(EcomPolicy policy, IReadOnlyList<ProvisionalDeadline> pending)
    {
        var next = this;
        if (State == MerchantState.Admitted && LastReviewedOn is { } from && ReviewQualification.DueDate(policy, from, ReReviewMonths) is var due && due != ReReviewDue)
        {
            next = next with { ReReviewDue = due };
        }

        foreach (var request in PermissionRequests)
        {
            if (request.State == PermissionRequestState.Pending && RequestElevatedPermission.DueAt(policy, request.RequestedAt) is var dueAt && dueAt != request.DueAt)
            {
                next = next.WithRequest(request with { DueAt = dueAt });
            }
        }

        return next;
    }

    internal PermissionRequest? FindRequest(string number)
    {
        foreach (var request in PermissionRequests)
        {
            if (string.Equals(request.Number, number, StringComparison.Ordinal))
            {
                return request;
            }
        }

        return null;
    }

    internal Merchant WithRequest(PermissionRequest request)
    {
        var existing = FindRequest(request.Number);
        return this with { PermissionRequests = existing is null ? PermissionRequests.Add(request) : PermissionRequests.Replace(existing, request) };
    }
}

using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Deadlines;
using EcomRules.Merchants;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Returns;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// A customer's complaint about an order or a return case (AFS-1, AFS-2): immutable; every accepted command produces a
/// new instance. It is recorded with the customer's demand and answered within SLA-6 (24 hours, 48 in a special case);
/// what customer service cannot answer goes to the department head, whose decision goes back to the customer by SMS;
/// a disputed answer goes to mediation, then arbitration, each outcome recorded. A closed complaint always has an
/// answer. The state moves only along <see cref="ComplaintWorkflow.Definition"/>. <see cref="ToString"/> shows no
/// personal data and not the demand (SEC-1).
/// </summary>
[PersonalData] // the customer's phone number and demand (SEC-2: reads are audited)
public sealed record Complaint : IRecomputableDeadlines
{
    internal Complaint(ComplaintId id, OrderId order, ReturnCaseId? returnCase, string demand, ChineseMobileNumber customerPhone, Instant receivedAt,
        bool specialCase, SlaTimer answerSla)
    {
        Id = id;
        Order = order;
        ReturnCase = returnCase;
        Demand = demand;
        CustomerPhone = customerPhone;
        ReceivedAt = receivedAt;
        SpecialCase = specialCase;
        Slas = [answerSla];
        State = ComplaintState.Received;
    }

    /// <summary>Gets the complaint's ID.</summary>
    public ComplaintId Id { get; private init; }

    /// <summary>Gets the order complained about (the return case's order for a complaint about a return).</summary>
    public OrderId Order { get; private init; }

    /// <summary>Gets the return case complained about, or null for a complaint about the order itself.</summary>
    public ReturnCaseId? ReturnCase { get; private init; }

    /// <summary>Gets the customer's demand, as recorded (AFS-1). Personal data: never logged (SEC-1).</summary>
    public string Demand { get; private init; }

    /// <summary>Gets the number the answer is sent to by SMS (AFS-1).</summary>
    public ChineseMobileNumber CustomerPhone { get; private init; }

    /// <summary>Gets when the customer complained (SLA-6 start).</summary>
    public Instant ReceivedAt { get; private init; }

    /// <summary>Gets whether SLA-6's special case applies: 48 hours to answer instead of 24.</summary>
    public bool SpecialCase { get; private init; }

    /// <summary>Gets the workflow state.</summary>
    public ComplaintState State { get; private init; }

    /// <summary>Gets how it ended (<see cref="ComplaintResolution.Open"/> until closed).</summary>
    public ComplaintResolution Resolution { get; private init; }

    /// <summary>Gets who escalated it to the department head, or null (AFS-1).</summary>
    public string? EscalatedBy { get; private init; }

    /// <summary>Gets why customer service could not answer, or null (AFS-1).</summary>
    public string? EscalationReason { get; private init; }

    /// <summary>Gets the answer sent to the customer, or null while unanswered (AFS-1).</summary>
    public string? Answer { get; private init; }

    /// <summary>Gets who answered (customer service, the department head, or the system for a return case's resolution).</summary>
    public string? AnsweredBy { get; private init; }

    /// <summary>Gets when it was answered.</summary>
    public Instant? AnsweredAt { get; private init; }

    /// <summary>Gets why the customer disputed the answer, or null (AFS-2).</summary>
    public string? DisputeReason { get; private init; }

    /// <summary>Gets the outcome of mediation, or null (AFS-2).</summary>
    public string? MediationOutcome { get; private init; }

    /// <summary>Gets the award of arbitration, or null (AFS-2).</summary>
    public string? ArbitrationAward { get; private init; }

    /// <summary>Gets when it was closed.</summary>
    public Instant? ClosedAt { get; private init; }

    /// <summary>
    /// Gets the merchant that sold the order, copied from <see cref="Orders.Order.Merchant"/> when the complaint was filed;
    /// null for the platform's own order.
    /// </summary>
    public MerchantId? Merchant { get; private init; }

    /// <summary>
    /// Gets whether the last finding on the substance (customer service's answer, the department head's decision, a
    /// settled mediation or the arbitration award) upheld the complaint against the merchant. When it closes upheld,
    /// one upheld complaint is recorded against <see cref="Merchant"/> (MER-3).
    /// </summary>
    public bool Upheld { get; private init; }

    /// <summary>Gets the SLA timers: SLA-6, the answer.</summary>
    public ImmutableArray<SlaTimer> Slas { get; private init; }

    /// <summary>Gets the deadlines computed on provisional calendar days (DSP-1); those still ahead are recomputed when the
    /// year's data is added (SLA-8).</summary>
    public ImmutableArray<ProvisionalDeadline> ProvisionalDeadlines { get; private init; } = [];

    /// <summary>Gets the answer's SLA timer (SLA-6).</summary>
    public SlaTimer AnswerSla => Slas[0];

    /// <summary>Gets the key of what the complaint concerns: the return case, or else the order.</summary>
    public AggregateKey Concerns => ReturnCase is { } returnCase ? returnCase.Key : Order.Key;

    /// <summary>Gets an SLA timer by ID, or null.</summary>
    /// <param name="slaId">The SLA, such as <c>SLA-6</c>.</param>
    /// <returns>The timer, or null.</returns>
    public SlaTimer? Sla(string slaId) => string.Equals(slaId, AnswerSla.Definition.Id, StringComparison.Ordinal) ? AnswerSla : null;

    /// <summary>The definition of SLA-6 for a complaint: the policy's, or its 48-hour special case on the same time basis.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="specialCase">Whether the special case applies.</param>
    /// <returns>The definition.</returns>
    internal static SlaDefinition AnswerDefinition(EcomPolicy policy, bool specialCase)
        => specialCase ? SlaDefinitions.AfterSalesSpecialCase(policy.Sla("SLA-6").Basis) : policy.Sla("SLA-6"); // SLA-6: 24 h, 48 h in special cases

    /// <summary>Describes the complaint without personal data or the demand (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Complaint {Id} about {Concerns} ({State}, {Resolution})";

    // Persistence (EcomSerializer): rebuilds a stored state; the caller has validated each value.
    internal static Complaint Rehydrate(Complaint opened, ComplaintState state, ComplaintResolution resolution, (string? By, string? Reason) escalation,
        (string? Text, string? By, Instant? At) answer, (string? Dispute, string? Mediation, string? Arbitration) dispute, Instant? closedAt,
        ImmutableArray<ProvisionalDeadline> provisionalDeadlines, (MerchantId? Merchant, bool Upheld) finding)
        => opened with
        {
            Merchant = finding.Merchant, Upheld = finding.Upheld,
            State = state, Resolution = resolution, EscalatedBy = escalation.By, EscalationReason = escalation.Reason,
            Answer = answer.Text, AnsweredBy = answer.By, AnsweredAt = answer.At,
            DisputeReason = dispute.Dispute, MediationOutcome = dispute.Mediation, ArbitrationAward = dispute.Arbitration,
            ClosedAt = closedAt, ProvisionalDeadlines = provisionalDeadlines,
        };

    object IRecomputableDeadlines.WithProvisionalDeadlines(ImmutableArray<ProvisionalDeadline> deadlines) => this with { ProvisionalDeadlines = deadlines };

    bool IRecomputableDeadlines.IsProvisional(TimerRequest timer, EcomPolicy policy) => SlaSchedule.IsProvisional(Slas, Id.Key, timer, policy);

    Instant? IRecomputableDeadlines.Recompute(ProvisionalDeadline deadline, EcomPolicy policy, Instant at)
        => deadline.Kind is SlaSchedule.BreachTimerKind or SlaSchedule.WarningTimerKind
            ? SlaSchedule.RecomputeDue(Slas, Id.Key, deadline.Kind, deadline.TimerId, policy, at)
            : deadline.DueAt;

    object IRecomputableDeadlines.RecomputeDerivedDates(EcomPolicy policy, IReadOnlyList<ProvisionalDeadline> pending) => this;

    internal Complaint Against(MerchantId? merchant) => this with { Merchant = merchant };

    internal Complaint Finding(bool upheld) => this with { Upheld = upheld };

    internal Complaint Escalating(string by, string reason) => this with { State = ComplaintState.Escalated, EscalatedBy = by, EscalationReason = reason };

    internal Complaint Answering(string answer, string by, Instant at, ImmutableArray<SlaTimer> slas)
        => this with { State = ComplaintState.Answered, Answer = answer, AnsweredBy = by, AnsweredAt = at, Slas = slas };

    internal Complaint Disputing(string reason) => this with { State = ComplaintState.InMediation, DisputeReason = reason };

    internal Complaint FailingMediation(string outcome) => this with { State = ComplaintState.InArbitration, MediationOutcome = outcome };

    internal Complaint Closing(ComplaintResolution resolution, Instant at) => this with { State = ComplaintState.Closed, Resolution = resolution, ClosedAt = at };

    internal Complaint Settling(string outcome, bool upheld, Instant at) => Closing(ComplaintResolution.SettledInMediation, at) with { MediationOutcome = outcome, Upheld = upheld };

    internal Complaint Awarding(string award, bool upheld, Instant at) => Closing(ComplaintResolution.Arbitrated, at) with { ArbitrationAward = award, Upheld = upheld };
}

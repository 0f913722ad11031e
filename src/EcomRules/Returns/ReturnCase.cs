using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Deadlines;
using EcomRules.Inventory;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Refunds;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// A return, exchange or repair case of one order (RET-1..7): immutable; every accepted command produces a new
/// instance. The workflow state moves only along <see cref="ReturnWorkflow.Definition"/>. <see cref="ToString"/> shows
/// no personal data (SEC-1).
/// </summary>
[PersonalData] // the customer's phone number (SEC-2: reads are audited)
public sealed record ReturnCase : IRecomputableDeadlines
{
    internal ReturnCase(ReturnCaseId id, ReturnKind kind, ReturnReason reason, string? reasonText, ImmutableArray<string> evidence,
        ImmutableArray<ReturnLine> lines, ChineseMobileNumber customerPhone, WarehouseId warehouse, Instant requestedAt, LocalDate lastDayToAsk,
        ImmutableArray<SlaTimer> slas)
    {
        Id = id;
        Kind = kind;
        Reason = reason;
        ReasonText = reasonText;
        Evidence = evidence;
        Lines = lines;
        CustomerPhone = customerPhone;
        Warehouse = warehouse;
        RequestedAt = requestedAt;
        LastDayToAsk = lastDayToAsk;
        Slas = slas;
        State = ReturnState.Requested;
    }

    /// <summary>Gets the case's ID.</summary>
    public ReturnCaseId Id { get; private init; }

    /// <summary>Gets the order.</summary>
    public OrderId Order => Id.Order;

    /// <summary>Gets what the customer asks for (RET-5).</summary>
    public ReturnKind Kind { get; private init; }

    /// <summary>Gets the reason picked (RET-1).</summary>
    public ReturnReason Reason { get; private init; }

    /// <summary>Gets the free text (required for <see cref="ReturnReason.Other"/>, RET-1).</summary>
    public string? ReasonText { get; private init; }

    /// <summary>Gets the references of the uploaded evidence (RET-1).</summary>
    public ImmutableArray<string> Evidence { get; private init; }

    /// <summary>Gets the items and units returned.</summary>
    public ImmutableArray<ReturnLine> Lines { get; private init; }

    /// <summary>Gets the number customer notices go to (RET-7).</summary>
    public ChineseMobileNumber CustomerPhone { get; private init; }

    /// <summary>Gets the warehouse that dispatched the order, where the goods go back (RET-4).</summary>
    public WarehouseId Warehouse { get; private init; }

    /// <summary>Gets the workflow state.</summary>
    public ReturnState State { get; private init; }

    /// <summary>Gets how the case ended.</summary>
    public ReturnOutcome Outcome { get; private init; }

    /// <summary>Gets when the customer asked.</summary>
    public Instant RequestedAt { get; private init; }

    /// <summary>Gets the last day the customer could ask (RET-2).</summary>
    public LocalDate LastDayToAsk { get; private init; }

    /// <summary>Gets who decided the request (RET-3); they count as the requester of its refund (REF-3).</summary>
    public string? DecidedBy { get; private init; }

    /// <summary>Gets the reason of the decision, or of the negotiation's outcome (RET-3, RET-4).</summary>
    public string? DecisionReason { get; private init; }

    /// <summary>Gets the return parcel's tracking number (RET-4).</summary>
    public string? ReturnTrackingNumber { get; private init; }

    /// <summary>Gets the return freight the customer paid (RET-6).</summary>
    public Money ReturnFreight { get; private init; }

    /// <summary>Gets the warehouse's inspection notes (RET-4).</summary>
    public string? InspectionNotes { get; private init; }

    /// <summary>Gets when the goods were received (RET-4, SLA-7 start).</summary>
    public Instant? ReceivedAt { get; private init; }

    /// <summary>Gets when the goods were stocked in (SLA-7 stop).</summary>
    public Instant? RestockedAt { get; private init; }

    /// <summary>Gets the refund opened for a return, or null.</summary>
    public RefundId? Refund { get; private init; }

    /// <summary>Gets the carrier that took the replacement or the repaired goods (RET-5, CAR-3), or null.</summary>
    public CarrierId? ReplacementCarrier { get; private init; }

    /// <summary>Gets the tracking number of the replacement or the repaired goods (RET-5, CAR-3), or null.</summary>
    public string? ReplacementTrackingNumber { get; private init; }

    /// <summary>Gets the SLA timers (SLA-6 answer, SLA-7 restock, SLA-4 hand-over of a replacement).</summary>
    public ImmutableArray<SlaTimer> Slas { get; private init; }

    /// <summary>Gets whether SLA-6's special case applies: the answer is due within 48 hours instead of the policy's 24.</summary>
    public bool SpecialCase { get; internal init; }

    /// <summary>Gets the deadlines computed on provisional calendar days (DSP-1); those still ahead are recomputed when the
    /// year's data is added (SLA-8), one whose instant has come leaves the list with the case's next change.</summary>
    public ImmutableArray<ProvisionalDeadline> ProvisionalDeadlines { get; private init; } = [];

    /// <summary>Gets whether the merchant is at fault, so the return freight is refunded (RET-6).</summary>
    public bool MerchantAtFault => ReturnWindows.IsMerchantFault(Reason);

    /// <summary>Gets an SLA timer by ID, or null when it was never started.</summary>
    /// <param name="slaId">The SLA, such as <c>SLA-6</c>.</param>
    /// <returns>The timer, or null.</returns>
    public SlaTimer? Sla(string slaId)
    {
        foreach (var timer in Slas)
        {
            if (string.Equals(timer.Definition.Id, slaId, StringComparison.Ordinal))
            {
                return timer;
            }
        }

        return null;
    }

    /// <summary>Describes the case without personal data (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Return case {Id} ({Kind}, {Reason}, {State}, {Outcome})";

    // Persistence (EcomSerializer): rebuilds a stored state field by field; the caller has validated each value.
    internal static ReturnCase Rehydrate(ReturnCase opened, ReturnState state, ReturnOutcome outcome, (string? By, string? Reason) decision,
        (string? TrackingNumber, Money Freight) shipment, (string? Notes, Instant? ReceivedAt, Instant? RestockedAt) inspection, RefundId? refund,
        ImmutableArray<ProvisionalDeadline> provisionalDeadlines,
        (CarrierId? Carrier, string? TrackingNumber) replacement = default)
        => opened with
        {
            ProvisionalDeadlines = provisionalDeadlines,
            State = state, Outcome = outcome, DecidedBy = decision.By, DecisionReason = decision.Reason,
            ReturnTrackingNumber = shipment.TrackingNumber, ReturnFreight = shipment.Freight,
            InspectionNotes = inspection.Notes, ReceivedAt = inspection.ReceivedAt, RestockedAt = inspection.RestockedAt, Refund = refund,
            ReplacementCarrier = replacement.Carrier, ReplacementTrackingNumber = replacement.TrackingNumber,
        };

    /// <summary>Gets the units claimed per SKU.</summary>
    internal ImmutableDictionary<string, int> Claimed()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var line in Lines)
        {
            builder[line.Sku] = builder.GetValueOrDefault(line.Sku) + line.Quantity;
        }

        return builder.ToImmutable();
    }

    object IRecomputableDeadlines.WithProvisionalDeadlines(ImmutableArray<ProvisionalDeadline> deadlines) => this with { ProvisionalDeadlines = deadlines };

    bool IRecomputableDeadlines.IsProvisional(TimerRequest timer, EcomPolicy policy) => SlaSchedule.IsProvisional(Slas, Id.Key, timer, policy);

    // SLA-4, SLA-6, SLA-7: breach and warning instants from the timers' events; any other deadline is not counted on the calendar.
    Instant? IRecomputableDeadlines.Recompute(ProvisionalDeadline deadline, EcomPolicy policy, Instant at)
        => deadline.Kind is SlaSchedule.BreachTimerKind or SlaSchedule.WarningTimerKind
            ? SlaSchedule.RecomputeDue(Slas, Id.Key, deadline.Kind, deadline.TimerId, policy, at)
            : deadline.DueAt;

    object IRecomputableDeadlines.RecomputeDerivedDates(EcomPolicy policy, IReadOnlyList<ProvisionalDeadline> pending) => this;

    internal ReturnCase Deciding(bool accepted, string by, string reason, ImmutableArray<SlaTimer> slas)
        => this with { State = accepted ? ReturnState.Accepted : ReturnState.Archived, Outcome = accepted ? ReturnOutcome.Open : ReturnOutcome.Rejected, DecidedBy = by, DecisionReason = reason, Slas = slas };

    internal ReturnCase Shipping(string trackingNumber, Money freight) => this with { State = ReturnState.ReturnShipped, ReturnTrackingNumber = trackingNumber, ReturnFreight = freight };

    internal ReturnCase Receiving(Instant at, string? notes, ImmutableArray<SlaTimer> slas) => this with { State = ReturnState.Received, ReceivedAt = at, InspectionNotes = notes ?? InspectionNotes, Slas = slas };

    internal ReturnCase Negotiating(string? notes) => this with { State = ReturnState.Negotiating, InspectionNotes = notes };

    internal ReturnCase Resolving(string reason) => this with { DecisionReason = reason };

    internal ReturnCase RefusingAfterNegotiation(string reason) => this with { State = ReturnState.Archived, Outcome = ReturnOutcome.RefusedAfterNegotiation, DecisionReason = reason };

    /// <summary>RET-5: stocked in; the replacement waits for a carrier, or the goods go to repair first.</summary>
    internal ReturnCase RestockingForReplacement(Instant at, ReturnState state, ImmutableArray<SlaTimer> slas) => this with { State = state, RestockedAt = at, Slas = slas };

    internal ReturnCase RequestingReplacement(ImmutableArray<SlaTimer> slas) => this with { State = ReturnState.ReplacementRequested, Slas = slas };

    internal ReturnCase ShippingReplacement(CarrierId carrier, string trackingNumber, ImmutableArray<SlaTimer> slas)
        => this with { State = ReturnState.ReplacementShipped, ReplacementCarrier = carrier, ReplacementTrackingNumber = trackingNumber, Slas = slas };

    /// <summary>RET-5: the customer signed for the replacement or the repaired goods; the case is archived.</summary>
    internal ReturnCase DeliveringReplacement() => this with { State = ReturnState.Archived, Outcome = Kind == ReturnKind.Repair ? ReturnOutcome.Repaired : ReturnOutcome.Exchanged };

    internal ReturnCase Restocking(Instant at, ReturnOutcome outcome, RefundId? refund, ImmutableArray<SlaTimer> slas)
        => this with { State = ReturnState.Archived, Outcome = outcome, RestockedAt = at, Refund = refund, Slas = slas };
}

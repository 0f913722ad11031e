using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Merchants;
using EcomRules.Policies;
using EcomRules.Shipping;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// An order (ORD-1): immutable; every accepted command produces a new instance. The workflow state moves only along
/// <see cref="OrderWorkflow.Definition"/>. <see cref="ToString"/> shows no personal data (SEC-1).
/// </summary>
[PersonalData] // the buyer: name, ID or credit code, mobile number, address (SEC-2: reads are audited)
public sealed record Order : IRecomputableDeadlines
{
    private readonly CustomerId _customer; // default when none

    // The data is split by when it changes, so a transition copies this small object and one part at most; the
    // unchanged parts are shared between versions (an order is immutable).
    internal Order(OrderId id, CustomerIdentity buyer, ImmutableArray<OrderLine> lines, Money goods, Money freight, WarehouseId warehouse, Instant placedAt,
        MerchantId? merchant = null)
    {
        State = OrderState.Placed;
        Placement = new OrderPlacement(id, buyer, lines, goods, freight, warehouse, placedAt, merchant);
        Payment = OrderPayment.None;
        Shipment = OrderShipment.None;
        AfterSales = OrderAfterSales.None;
        Slas = [];
    }

    /// <summary>Gets the order number.</summary>
    public OrderId Id => Placement.Id;

    /// <summary>Gets the workflow state (ORD-1).</summary>
    public OrderState State { get; private init; }

    /// <summary>Gets the buyer's validated identity (CUS-1, CUS-2).</summary>
    public CustomerIdentity Buyer => Placement.Buyer;

    /// <summary>Gets the known customer the order was matched to (CUS-3), or null for a new customer.</summary>
    public CustomerId? Customer
    {
        get => _customer.Value.Length == 0 ? null : _customer;
        private init => _customer = value ?? default;
    }

    /// <summary>Gets the order lines.</summary>
    public ImmutableArray<OrderLine> Lines => Placement.Lines;

    /// <summary>Gets the goods amount (sum of the lines).</summary>
    public Money Goods => Placement.Goods;

    /// <summary>Gets the freight (CAR-1).</summary>
    public Money Freight => Placement.Freight;

    /// <summary>Gets what the buyer pays: goods plus freight (INV-1).</summary>
    public Money Total => Goods + Freight;

    /// <summary>Gets the delivery address.</summary>
    public Address ShipTo => Buyer.Address;

    /// <summary>
    /// Gets the merchant that sells the order on a multi-merchant platform, or null for the platform's own order. A late
    /// dispatch (ORD-3) and an upheld complaint about the order count against its record (MER-3).
    /// </summary>
    public MerchantId? Merchant => Placement.Merchant;

    /// <summary>Gets the dispatching warehouse (WH-1).</summary>
    public WarehouseId Warehouse => Placement.Warehouse;

    /// <summary>Gets when the order was placed.</summary>
    public Instant PlacedAt => Placement.PlacedAt;

    /// <summary>Gets when it was paid, or null.</summary>
    public Instant? PaidAt => Payment.At;

    /// <summary>Gets the amount paid.</summary>
    public Money Paid => Payment.Amount;

    /// <summary>Gets the date it ships by the cut-off rule (DSP-2, DSP-3), once paid.</summary>
    public LocalDate? DispatchDate => Payment.DispatchDate;

    /// <summary>Gets the latest dispatch (ORD-3), once paid.</summary>
    public Instant? DispatchDeadline => Payment.DispatchDeadline;

    /// <summary>Gets the invoice batch (INV-2), once paid.</summary>
    public LocalDate? InvoiceBatchDate => Payment.InvoiceBatchDate;

    /// <summary>Gets the delivery note number, once allocated.</summary>
    public string? DeliveryNote { get; private init; }

    /// <summary>Gets the invoice number, once invoiced (INV-1).</summary>
    public string? InvoiceNumber { get; private init; }

    /// <summary>Gets the carrier, once shipped.</summary>
    public CarrierId? Carrier => Shipment.Carrier;

    /// <summary>Gets the tracking number, once shipped (CAR-3).</summary>
    public string? TrackingNumber => Shipment.TrackingNumber;

    /// <summary>Gets when it was handed to the carrier.</summary>
    public Instant? ShippedAt => Shipment.At;

    /// <summary>Gets whether it left by the dispatch deadline (ORD-3), once shipped.</summary>
    public bool? ShippedOnTime => Shipment.OnTime;

    /// <summary>Gets the last tracking event (CAR-3, ORD-4).</summary>
    public TrackingEventKind? LastTrackingEvent => Shipment.LastEvent;

    /// <summary>Gets when the customer signed for it.</summary>
    public Instant? ReceivedAt => AfterSales.ReceivedAt;

    /// <summary>Gets when the last return window closes (RET-2), once received.</summary>
    public Instant? ReturnWindowClosesAt => AfterSales.ReturnWindowClosesAt;

    /// <summary>Gets how many return cases are open.</summary>
    public int OpenReturns => AfterSales.OpenReturns;

    /// <summary>Gets the units per SKU claimed by return cases that were not rejected (partial returns, RET-1).</summary>
    public ImmutableDictionary<string, int> ReturnedQuantities => AfterSales.ReturnedQuantities;

    /// <summary>Gets the amount refunded and paid out so far, over all refunds (REF-1).</summary>
    public Money Refunded => AfterSales.Refunded;

    /// <summary>Gets the amount held by refunds that are requested but not yet paid or rejected (REF-1).</summary>
    public Money RefundReserved => AfterSales.RefundReserved;

    /// <summary>Gets what may still be refunded: paid minus refunded minus reserved (REF-1).</summary>
    public Money Refundable => Paid.SaturatingMinus(Refunded + RefundReserved);

    /// <summary>Gets when it completed.</summary>
    public Instant? CompletedAt => End?.CompletedAt;

    /// <summary>Gets when it was cancelled (ORD-2).</summary>
    public Instant? CancelledAt => End?.CancelledAt;

    /// <summary>Gets the SLA timers of the order's steps (SLA-1..5).</summary>
    public ImmutableArray<SlaTimer> Slas { get; private init; }

    /// <summary>Gets the deadlines computed on provisional calendar days (DSP-1): a year without public-holiday data counted
    /// as ordinary weeks. Those still ahead are recomputed when the year's data is added (SLA-8); one whose instant has
    /// come is final and leaves this list with the order's next change.</summary>
    public ImmutableArray<ProvisionalDeadline> ProvisionalDeadlines { get; private init; } = [];

    // What is fixed when the order is placed.
    private OrderPlacement Placement { get; init; }

    private OrderPayment Payment { get; init; }

    private OrderShipment Shipment { get; init; }

    private OrderAfterSales AfterSales { get; init; }

    // Completion or cancellation; null while the order is open.
    private OrderEnd? End { get; init; }

    /// <summary>Gets what the workflow's guards see at <paramref name="at"/>.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The facts.</returns>
    public OrderFacts FactsAt(Instant at) => new(
        PaidAt is not null,
        DeliveryNote is not null,
        InvoiceNumber is not null,
        ReturnWindowClosesAt is { } closes && at >= closes,
        OpenReturns);

    /// <summary>Gets an SLA timer by ID, or null when it was never started.</summary>
    /// <param name="slaId">The SLA, such as <c>SLA-1</c>.</param>
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

    /// <summary>Gets how many units of <paramref name="sku"/> may still be returned: ordered minus already claimed (RET-1).</summary>
    /// <param name="sku">The item.</param>
    /// <returns>The units; 0 when the order has no such item.</returns>
    public int ReturnableQuantity(string sku) => Ordered(sku).Units - ReturnedQuantities.GetValueOrDefault(sku);

    /// <summary>How many units of <paramref name="sku"/> the order's lines hold and what they cost together (zero when none).</summary>
    internal (int Units, Money Cost) Ordered(string sku)
    {
        var units = 0;
        var cost = Money.Zero;
        foreach (var line in Lines)
        {
            if (string.Equals(line.Sku, sku, StringComparison.Ordinal))
            {
                units += line.Quantity;
                cost += line.Total;
            }
        }

        return (units, cost);
    }

    /// <summary>Describes the order without personal data (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Order {Id} ({State}, {Total}, {Buyer.Address.Province.EnglishName} via {Warehouse})";

    // Persistence (EcomSerializer): rebuilds a stored state field by field; the caller has validated each value.
    internal static Order Rehydrate(
        OrderId id,
        OrderState state,
        CustomerIdentity buyer,
        CustomerId? customer,
        ImmutableArray<OrderLine> lines,
        Money goods,
        Money freight,
        WarehouseId warehouse,
        Instant placedAt,
        (Instant? At, Money Amount, LocalDate? DispatchDate, Instant? DispatchDeadline, LocalDate? InvoiceBatchDate) payment,
        (string? DeliveryNote, string? InvoiceNumber) documents,
        (CarrierId? Carrier, string? TrackingNumber, Instant? At, bool? OnTime, TrackingEventKind? LastEvent) shipment,
        (Instant? ReceivedAt, Instant? ReturnWindowClosesAt, int OpenReturns, Money Refunded, Money RefundReserved, ImmutableDictionary<string, int> ReturnedQuantities) afterSales,
        (Instant? CompletedAt, Instant? CancelledAt) end,
        ImmutableArray<SlaTimer> slas,
        ImmutableArray<ProvisionalDeadline> provisionalDeadlines,
        MerchantId? merchant)
        => new(id, buyer, lines, goods, freight, warehouse, placedAt, merchant)
        {
            ProvisionalDeadlines = provisionalDeadlines,
            State = state,
            Customer = customer,
            Payment = new OrderPayment(payment.At, payment.Amount, payment.DispatchDate, payment.DispatchDeadline, payment.InvoiceBatchDate),
            DeliveryNote = documents.DeliveryNote,
            InvoiceNumber = documents.InvoiceNumber,
            Shipment = new OrderShipment(shipment.Carrier, shipment.TrackingNumber, shipment.At, shipment.OnTime, shipment.LastEvent),
            AfterSales = new OrderAfterSales(afterSales.ReceivedAt, afterSales.ReturnWindowClosesAt, afterSales.OpenReturns, afterSales.Refunded,
                afterSales.RefundReserved, afterSales.ReturnedQuantities.WithComparers(StringComparer.Ordinal)),
            End = end.CompletedAt is null && end.CancelledAt is null ? null : new OrderEnd(end.CompletedAt, end.CancelledAt),
            Slas = slas,
        };

    object IRecomputableDeadlines.WithProvisionalDeadlines(ImmutableArray<ProvisionalDeadline> deadlines) => this with { ProvisionalDeadlines = deadlines };

    bool IRecomputableDeadlines.IsProvisional(TimerRequest timer, EcomPolicy policy) => OrderDeadlines.IsProvisional(this, timer, policy);

    Instant? IRecomputableDeadlines.Recompute(ProvisionalDeadline deadline, EcomPolicy policy, Instant at) => OrderDeadlines.Recompute(this, deadline, policy, at);

    object IRecomputableDeadlines.RecomputeDerivedDates(EcomPolicy policy, IReadOnlyList<ProvisionalDeadline> pending)
        => pending.Any(d => string.Equals(d.Kind, PayOrder.DispatchDeadlineTimerKind, StringComparison.Ordinal)) ? OrderDeadlines.RecomputePaymentDates(this, policy) : this;

    // SLA-8: the payment's dates computed again on another calendar (DSP-2, DSP-3, ORD-3, INV-2).
    internal Order Repaying(LocalDate dispatchDate, Instant dispatchDeadline, LocalDate invoiceBatch)
        => this with { Payment = Payment with { DispatchDate = dispatchDate, DispatchDeadline = dispatchDeadline, InvoiceBatchDate = invoiceBatch } };

    internal Order Paying(Instant at, Money amount, LocalDate dispatchDate, Instant dispatchDeadline, LocalDate invoiceBatch, ImmutableArray<SlaTimer> slas)
        => this with { State = OrderState.Paid, Payment = new OrderPayment(at, amount, dispatchDate, dispatchDeadline, invoiceBatch), Slas = slas };

    internal Order Confirming(CustomerId? customer, ImmutableArray<SlaTimer> slas)
        => this with { State = OrderState.Confirmed, Customer = customer, Slas = slas };

    internal Order Allocating(string deliveryNote, ImmutableArray<SlaTimer> slas)
        => this with { State = OrderState.Allocated, DeliveryNote = deliveryNote, Slas = slas };

    internal Order Invoicing(string invoiceNumber) => this with { State = OrderState.Invoiced, InvoiceNumber = invoiceNumber };

    internal Order Shipping(CarrierId carrier, string trackingNumber, Instant at, bool onTime, ImmutableArray<SlaTimer> slas)
        => this with { State = OrderState.Shipped, Shipment = Shipment with { Carrier = carrier, TrackingNumber = trackingNumber, At = at, OnTime = onTime }, Slas = slas };

    internal Order Tracking(TrackingEventKind kind) => this with { Shipment = Shipment with { LastEvent = kind } };

    internal Order Receiving(Instant at, Instant returnWindowClosesAt)
        => this with
        {
            State = OrderState.Received,
            Shipment = Shipment with { LastEvent = TrackingEventKind.Signed },
            AfterSales = AfterSales with { ReceivedAt = at, ReturnWindowClosesAt = returnWindowClosesAt },
        };

    internal Order WithSlas(ImmutableArray<SlaTimer> slas) => this with { Slas = slas };

    internal Order Completing(Instant at) => this with { State = OrderState.Completed, End = new OrderEnd(at, End?.CancelledAt) };

    // ORD-2: the full refund is reserved here and paid through the refund's approval path (REF-2).
    internal Order Cancelling(Instant at, Money refund, ImmutableArray<SlaTimer> slas)
        => this with
        {
            State = OrderState.Cancelled,
            End = new OrderEnd(End?.CompletedAt, at),
            AfterSales = AfterSales with { RefundReserved = RefundReserved + refund },
            Slas = slas,
        };

    internal Order OpeningReturn(ImmutableDictionary<string, int> claimed)
        => this with { AfterSales = AfterSales with { OpenReturns = OpenReturns + 1, ReturnedQuantities = Add(ReturnedQuantities, claimed, 1) } };

    internal Order ClosingReturn(ImmutableDictionary<string, int> claimed, bool rejected)
        => this with
        {
            AfterSales = AfterSales with
            {
                OpenReturns = Math.Max(0, OpenReturns - 1),
                ReturnedQuantities = rejected ? Add(ReturnedQuantities, claimed, -1) : ReturnedQuantities,
            },
        };

    // REF-1: a reservation holds part of what was paid until the refund is paid (settled) or rejected (released).
    internal Order ReservingRefund(Money amount) => this with { AfterSales = AfterSales with { RefundReserved = RefundReserved + amount } };

    internal Order ReleasingRefund(Money amount) => this with { AfterSales = AfterSales with { RefundReserved = RefundReserved.SaturatingMinus(amount) } };

    internal Order SettlingRefund(Money amount)
        => this with { AfterSales = AfterSales with { RefundReserved = RefundReserved.SaturatingMinus(amount), Refunded = Refunded + amount } };

    private static ImmutableDictionary<string, int> Add(ImmutableDictionary<string, int> totals, ImmutableDictionary<string, int> change, int sign)
    {
        var builder = totals.ToBuilder();
        foreach (var (sku, quantity) in change)
        {
            var total = builder.GetValueOrDefault(sku) + (sign * quantity);
            if (total <= 0)
            {
                builder.Remove(sku);
            }
            else
            {
                builder[sku] = total;
            }
        }

        return builder.ToImmutable();
    }
}

using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Inventory;
using EcomRules.Orders;
using EcomRules.Refunds;
using EcomRules.Refunds.Events;
using EcomRules.Returns;
using EcomRules.Returns.Events;
using EcomRules.Shipping;
using EcomRules.Sla;

namespace EcomRules.Persistence;

/// <summary>The codecs of return cases and refunds (RET-*, REF-*) and their events. Field names are stable: never rename one once data exists.</summary>
internal static class ReturnCodecs
{
    public static ImmutableArray<JsonCodec> All { get; } =
    [
        Codec.Aggregate<ReturnCase>("ReturnCase", WriteCase, ReadCase),
        Codec.Aggregate<Refund>("Refund", WriteRefund, ReadRefund),
        Codec.Event("ReturnRequested", static (f, e) => f.Enum("kind", e.Kind).Enum("reason", e.Reason).Array("lines", e.Lines, WriteLine).Date("lastDayToAsk", e.LastDayToAsk),
            static (r, source, at) => new ReturnRequested(source, at, r.Enum<ReturnKind>("kind"), r.Enum<ReturnReason>("reason"), r.Array("lines", ReadLine), r.Date("lastDayToAsk"))),
        Codec.Event("ReturnDecided", static (f, e) => f.Bool("accepted", e.Accepted).String("reason", e.Reason),
            static (r, source, at) => new ReturnDecided(source, at, r.Bool("accepted"), r.String("reason"))),
        Codec.Event("ReturnShipped", static (f, e) => f.String("to", e.To.Value).String("trackingNumber", e.TrackingNumber).Money("returnFreight", e.ReturnFreight),
            static (r, source, at) => new ReturnShipped(source, at, new WarehouseId(r.String("to")), r.String("trackingNumber"), r.Money("returnFreight"))),
        Codec.Event("ReturnInspected", static (f, e) => f.Bool("goodsPassed", e.GoodsPassed).Bool("invoiceReturned", e.InvoiceReturned).String("notes", e.Notes),
            static (r, source, at) => new ReturnInspected(source, at, r.Bool("goodsPassed"), r.Bool("invoiceReturned"), r.OptionalString("notes"))),
        Codec.Event("NegotiationResolved", static (f, e) => f.Bool("accepted", e.Accepted).String("reason", e.Reason),
            static (r, source, at) => new NegotiationResolved(source, at, r.Bool("accepted"), r.String("reason"))),
        Codec.Event("ReturnRestocked", static (f, e) => f.String("warehouse", e.Warehouse.Value).Array("lines", e.Lines, WriteLine),
            static (r, source, at) => new ReturnRestocked(source, at, new WarehouseId(r.String("warehouse")), r.Array("lines", ReadLine))),
        Codec.Event("InvoiceHandedToFinance", static (f, e) => f.String("invoiceNumber", e.InvoiceNumber),
            static (r, source, at) => new InvoiceHandedToFinance(source, at, r.OptionalString("invoiceNumber"))),
        Codec.Event("ReplacementShipmentRequested", WriteReplacementRequested,
            static (r, source, at) => r.OptionalObject("to") is { } to // optional: absent in events stored before replacements shipped
                ? new ReplacementShipmentRequested(source, at, new WarehouseId(r.String("from")), r.Array("lines", ReadLine),
                    DomainValues.ReadAddress(to), r.Strings("carriers").Select(c => new CarrierId(c)).ToImmutableArray())
                : new ReplacementShipmentRequested(source, at, new WarehouseId(r.String("from")), r.Array("lines", ReadLine))),
        Codec.Event("ReplacementShipped", static (f, e) => f.String("carrier", e.Carrier.Value).String("trackingNumber", e.TrackingNumber),
            static (r, source, at) => new ReplacementShipped(source, at, new CarrierId(r.String("carrier")), r.String("trackingNumber"))),
        Codec.Event("RepairRequested", static (f, e) => f.Array("lines", e.Lines, WriteLine),
            static (r, source, at) => new RepairRequested(source, at, r.Array("lines", ReadLine))),
        Codec.Event("ReturnArchived", static (f, e) => f.Enum("outcome", e.Outcome),
            static (r, source, at) => new ReturnArchived(source, at, r.Enum<ReturnOutcome>("outcome"))),
        Codec.Event("RefundRequested", static (f, e) => f.Money("amount", e.Amount).String("approverRole", e.ApproverRole.Value),
            static (r, source, at) => new RefundRequested(source, at, r.Money("amount"), new ActorRole(r.String("approverRole")))),
        Codec.Event("RefundStepSigned", static (f, e) => f.Enum("step", e.Step).String("actorId", e.ActorId).String("role", e.Role.Value).Enum("state", e.State),
            static (r, source, at) => new RefundStepSigned(source, at, r.Enum<RefundStep>("step"), r.String("actorId"), new ActorRole(r.String("role")), r.Enum<RefundState>("state"))),
        Codec.Event("RefundRejected", static (f, e) => f.Money("amount", e.Amount).String("reason", e.Reason),
            static (r, source, at) => new RefundRejected(source, at, r.Money("amount"), r.String("reason"))),
        Codec.Event("CreditNoteRequested", static (f, e) => f.String("idempotencyKey", e.IdempotencyKey).String("invoiceNumber", e.InvoiceNumber).Money("amount", e.Amount),
            static (r, source, at) => new CreditNoteRequested(source, at, r.String("idempotencyKey"), r.String("invoiceNumber"), r.Money("amount"))),
        Codec.Event("RefundPaid", static (f, e) => f.Money("amount", e.Amount),
            static (r, source, at) => new RefundPaid(source, at, r.Money("amount"))),
    ];

    private static void WriteReplacementRequested(JsonFields f, ReplacementShipmentRequested e)
    {
        f.String("from", e.From.Value).Array("lines", e.Lines, WriteLine);
        if (e.To is { } to)
        {
            f.Object("to", to, DomainValues.WriteAddress).Strings("carriers", e.Carriers.IsDefault ? [] : e.Carriers.Select(c => c.Value));
        }
    }

    private static void WriteLine(JsonFields f, ReturnLine line) => f.String("sku", line.Sku).Int("quantity", line.Quantity);

    private static ReturnLine ReadLine(JsonRecord r) => new(r.String("sku"), r.Int("quantity"));

    private static void WriteCase(JsonFields f, ReturnCase c)
    {
        f.String("order", c.Id.Order.Value).String("number", c.Id.Number).Enum("kind", c.Kind).Enum("reason", c.Reason).String("reasonText", c.ReasonText)
            .Strings("evidence", c.Evidence.IsDefault ? [] : c.Evidence).Array("lines", c.Lines, WriteLine).String("customerPhone", c.CustomerPhone.Value)
            .String("warehouse", c.Warehouse.Value).Enum("state", c.State).Enum("outcome", c.Outcome).Instant("requestedAt", c.RequestedAt)
            .Date("lastDayToAsk", c.LastDayToAsk).String("decidedBy", c.DecidedBy).String("decisionReason", c.DecisionReason)
            .String("returnTrackingNumber", c.ReturnTrackingNumber).Money("returnFreight", c.ReturnFreight).String("inspectionNotes", c.InspectionNotes)
            .Instant("receivedAt", c.ReceivedAt).Instant("restockedAt", c.RestockedAt).String("refund", c.Refund?.Number)
            .Array("slas", c.Slas, DomainValues.WriteSlaTimer)
            .ArrayIfAny("provisionalDeadlines", c.ProvisionalDeadlines, DomainValues.WriteProvisionalDeadline);

        // SLA-6's special case (48 hours) is not the policy's definition, so the case says so; written only when it applies.
        if (c.SpecialCase)
        {
            f.Bool("sla6SpecialCase", true);
        }

        // Written only once set, so the stored form of every other case is unchanged (RET-5).
        if (c.ReplacementTrackingNumber is not null)
        {
            f.String("replacementCarrier", c.ReplacementCarrier?.Value).String("replacementTrackingNumber", c.ReplacementTrackingNumber);
        }
    }

    private static SlaTimer ReadSpecialCaseSla(JsonRecord r)
        => string.Equals(r.String("id"), "SLA-6", StringComparison.Ordinal)
            ? DomainValues.ReadSlaTimer(r, SlaDefinitions.AfterSalesSpecialCase(r.Settings.Sla("SLA-6").Basis))
            : DomainValues.ReadSlaTimer(r);

    private static ReturnCase ReadCase(JsonRecord r)
    {
        var id = new ReturnCaseId(new OrderId(r.String("order")), r.String("number"));
        var special = r.OptionalBool("sla6SpecialCase") == true;
        var opened = new ReturnCase(id, r.Enum<ReturnKind>("kind"), r.Enum<ReturnReason>("reason"), r.OptionalString("reasonText"), r.Strings("evidence"),
            r.Array("lines", ReadLine), ChineseMobileNumber.Parse(r.String("customerPhone")), new WarehouseId(r.String("warehouse")), r.Instant("requestedAt"),
            r.Date("lastDayToAsk"), r.Array<SlaTimer>("slas", special ? ReadSpecialCaseSla : DomainValues.ReadSlaTimer)) { SpecialCase = special };
        return ReturnCase.Rehydrate(opened, r.Enum<ReturnState>("state"), r.Enum<ReturnOutcome>("outcome"), (r.OptionalString("decidedBy"), r.OptionalString("decisionReason")),
            (r.OptionalString("returnTrackingNumber"), r.Money("returnFreight")), (r.OptionalString("inspectionNotes"), r.OptionalInstant("receivedAt"), r.OptionalInstant("restockedAt")),
            r.OptionalString("refund") is { } refund ? new RefundId(id.Order, refund) : null,
            r.OptionalArray("provisionalDeadlines", DomainValues.ReadProvisionalDeadline),
            (r.OptionalString("replacementCarrier") is { } carrier ? new CarrierId(carrier) : null, r.OptionalString("replacementTrackingNumber")));
    }

    private static void WriteRefund(JsonFields f, Refund refund)
        => f.String("order", refund.Id.Order.Value).String("number", refund.Id.Number).Money("amount", refund.Amount).String("reason", refund.Reason)
            .String("requestedBy", refund.RequestedBy).Instant("requestedAt", refund.RequestedAt).String("approverRole", refund.ApproverRole.Value)
            .String("invoiceNumber", refund.InvoiceNumber).String("returnCase", refund.ReturnCase).Enum("state", refund.State)
            .Array("signatures", refund.Signatures, static (s, x) => s.Enum("step", x.Step).String("actorId", x.ActorId).String("role", x.Role.Value).Instant("at", x.At))
            .Bool("invoiceRecovered", refund.InvoiceRecovered).String("creditNoteNumber", refund.CreditNoteNumber).Instant("paidAt", refund.PaidAt)
            .String("rejectionReason", refund.RejectionReason);

    private static Refund ReadRefund(JsonRecord r)
        => Refund.Rehydrate(new RefundId(new OrderId(r.String("order")), r.String("number")), r.Money("amount"), r.String("reason"), r.String("requestedBy"),
            r.Instant("requestedAt"), new ActorRole(r.String("approverRole")), r.OptionalString("invoiceNumber"), r.OptionalString("returnCase"),
            r.Enum<RefundState>("state"),
            r.Array("signatures", static s => new RefundSignature(s.Enum<RefundStep>("step"), s.String("actorId"), new ActorRole(s.String("role")), s.Instant("at"))),
            (r.Bool("invoiceRecovered"), r.OptionalString("creditNoteNumber"), r.OptionalInstant("paidAt"), r.OptionalString("rejectionReason")));
}

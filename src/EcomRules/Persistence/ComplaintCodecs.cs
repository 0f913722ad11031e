using System.Collections.Immutable;
using EcomRules.Complaints;
using EcomRules.Complaints.Events;
using EcomRules.Customers;
using EcomRules.Merchants;
using EcomRules.Orders;
using EcomRules.Returns;
using EcomRules.Sla;

namespace EcomRules.Persistence;

/// <summary>The codecs of complaints (AFS-*), follow-up visits (ORD-5) and their events. Field names are stable: never rename one once data exists.</summary>
internal static class ComplaintCodecs
{
    public static ImmutableArray<JsonCodec> All { get; } =
    [
        Codec.Aggregate<Complaint>("Complaint", WriteComplaint, ReadComplaint),
        Codec.Aggregate<ReturnCaseComplaints>("ReturnCaseComplaints",
            static (f, x) => f.String("order", x.Case.Order.Value).String("number", x.Case.Number).Strings("complaints", x.Complaints.Select(c => c.Number)),
            static r => new ReturnCaseComplaints(new ReturnCaseId(new OrderId(r.String("order")), r.String("number")), [.. r.Strings("complaints").Select(n => new ComplaintId(n))])),
        Codec.Aggregate<FollowUpVisit>("FollowUpVisit", WriteVisit, ReadVisit),
        Codec.Event("ComplaintFiled", static (f, e) => f.Key("concerns", e.Concerns).Bool("specialCase", e.SpecialCase).Instant("answerDueAt", e.AnswerDueAt),
            static (r, source, at) => new ComplaintFiled(source, at, r.Key("concerns"), r.Bool("specialCase"), r.Instant("answerDueAt"))),
        Codec.Event("ComplaintEscalated", static (f, e) => f.String("escalatedBy", e.EscalatedBy).String("reason", e.Reason),
            static (r, source, at) => new ComplaintEscalated(source, at, r.String("escalatedBy"), r.String("reason"))),
        Codec.Event("ComplaintAnswered", static (f, e) => f.String("answeredBy", e.AnsweredBy).Bool("byDepartmentHead", e.ByDepartmentHead).String("answer", e.Answer),
            static (r, source, at) => new ComplaintAnswered(source, at, r.String("answeredBy"), r.Bool("byDepartmentHead"), r.String("answer"))),
        Codec.Event("ComplaintDisputed", static (f, e) => f.String("reason", e.Reason),
            static (r, source, at) => new ComplaintDisputed(source, at, r.String("reason"))),
        Codec.Event("DisputeOutcomeRecorded", static (f, e) => f.Enum("stage", e.Stage).Bool("settled", e.Settled).String("outcome", e.Outcome),
            static (r, source, at) => new DisputeOutcomeRecorded(source, at, r.Enum<ComplaintState>("stage"), r.Bool("settled"), r.String("outcome"))),
        Codec.Event("ComplaintClosed", static (f, e) => f.Enum("resolution", e.Resolution),
            static (r, source, at) => new ComplaintClosed(source, at, r.Enum<ComplaintResolution>("resolution"))),
        Codec.Event("ComplaintUpheldAgainstMerchant", static (f, e) => f.String("merchant", e.Merchant.Value).Enum("resolution", e.Resolution),
            static (r, source, at) => new ComplaintUpheldAgainstMerchant(source, at, new MerchantId(r.String("merchant")), r.Enum<ComplaintResolution>("resolution"))),
        Codec.Event("FollowUpVisitOpened", static (f, e) => f.Instant("dueAt", e.DueAt),
            static (r, source, at) => new FollowUpVisitOpened(source, at, r.Instant("dueAt"))),
        Codec.Event("FollowUpVisitDone", static (f, e) => f.String("visitedBy", e.VisitedBy).Bool("onTime", e.OnTime),
            static (r, source, at) => new FollowUpVisitDone(source, at, r.String("visitedBy"), r.Bool("onTime"))),
    ];

    private static void WriteComplaint(JsonFields f, Complaint c)
    {
        f.String("number", c.Id.Number).String("order", c.Order.Value).String("returnCase", c.ReturnCase?.Number).String("demand", c.Demand)
            .String("customerPhone", c.CustomerPhone.Value).Instant("receivedAt", c.ReceivedAt).Bool("specialCase", c.SpecialCase)
            .Enum("state", c.State).Enum("resolution", c.Resolution).String("escalatedBy", c.EscalatedBy).String("escalationReason", c.EscalationReason)
            .String("answer", c.Answer).String("answeredBy", c.AnsweredBy).Instant("answeredAt", c.AnsweredAt).String("disputeReason", c.DisputeReason)
            .String("mediationOutcome", c.MediationOutcome).String("arbitrationAward", c.ArbitrationAward).Instant("closedAt", c.ClosedAt)
            .Object("answerSla", c.AnswerSla, DomainValues.WriteSlaTimer)
            .ArrayIfAny("provisionalDeadlines", c.ProvisionalDeadlines, DomainValues.WriteProvisionalDeadline);

        // Written only once set, so the stored form of a complaint without a merchant or a finding is unchanged (MER-3).
        if (c.Merchant is { } merchant)
        {
            f.String("merchant", merchant.Value);
        }

        if (c.Upheld)
        {
            f.Bool("upheld", true);
        }
    }

    private static Complaint ReadComplaint(JsonRecord r)
    {
        var order = new OrderId(r.String("order"));
        var special = r.Bool("specialCase");
        var answerSla = r.Object("answerSla");

        // SLA-6: the special case's 48 hours on the stored definition's time basis (the serializer's SLA-6, else the default).
        var basis = r.Settings.SlaDefinitions.TryGetValue("SLA-6", out var configured) ? configured : SlaDefinitions.AfterSalesAnswered;
        var definition = special ? SlaDefinitions.AfterSalesSpecialCase(basis.Basis) : basis;
        var opened = new Complaint(new ComplaintId(r.String("number")), order, r.OptionalString("returnCase") is { } number ? new ReturnCaseId(order, number) : null,
            r.String("demand"), ChineseMobileNumber.Parse(r.String("customerPhone")), r.Instant("receivedAt"), special, DomainValues.ReadSlaTimer(answerSla, definition));
        var state = r.Enum<ComplaintState>("state");
        var answer = r.OptionalString("answer");
        if (state == ComplaintState.Closed && answer is null)
        {
            throw new System.Text.Json.JsonException($"The stored complaint {opened.Id} is closed without an answer (AFS-1).");
        }

        return Complaint.Rehydrate(opened, state, r.Enum<ComplaintResolution>("resolution"), (r.OptionalString("escalatedBy"), r.OptionalString("escalationReason")),
            (answer, r.OptionalString("answeredBy"), r.OptionalInstant("answeredAt")),
            (r.OptionalString("disputeReason"), r.OptionalString("mediationOutcome"), r.OptionalString("arbitrationAward")), r.OptionalInstant("closedAt"),
            r.OptionalArray("provisionalDeadlines", DomainValues.ReadProvisionalDeadline),
            (r.OptionalString("merchant") is { } merchant ? new MerchantId(merchant) : null, r.OptionalBool("upheld") == true));
    }

    private static void WriteVisit(JsonFields f, FollowUpVisit v)
        => f.String("order", v.Order.Value).Instant("openedAt", v.OpenedAt).String("visitedBy", v.VisitedBy).Instant("visitedAt", v.VisitedAt).String("notes", v.Notes)
            .Object("sla", v.Sla, DomainValues.WriteSlaTimer)
            .ArrayIfAny("provisionalDeadlines", v.ProvisionalDeadlines, DomainValues.WriteProvisionalDeadline);

    private static FollowUpVisit ReadVisit(JsonRecord r)
    {
        var definition = r.Settings.SlaDefinitions.TryGetValue(FollowUpVisit.SlaId, out var configured) ? configured : FollowUpVisit.DefaultDue;
        var opened = new FollowUpVisit(new FollowUpVisitId(new OrderId(r.String("order"))), r.Instant("openedAt"), DomainValues.ReadSlaTimer(r.Object("sla"), definition));
        return FollowUpVisit.Rehydrate(opened, r.OptionalString("visitedBy"), r.OptionalInstant("visitedAt"), r.OptionalString("notes"),
            r.OptionalArray("provisionalDeadlines", DomainValues.ReadProvisionalDeadline));
    }
}

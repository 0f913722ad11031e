using System.Collections.Immutable;
using EcomRules.Customers;
using EcomRules.Merchants;
using EcomRules.Merchants.Events;

namespace EcomRules.Persistence;

/// <summary>The codecs of merchants and listings (MER-*) and their events. Field names are stable: never rename one once data exists.</summary>
internal static class MerchantCodecs
{
    public static ImmutableArray<JsonCodec> All { get; } =
    [
        Codec.Aggregate<Merchant>("Merchant", WriteMerchant, ReadMerchant),
        Codec.Aggregate<Listing>("Listing", WriteListing, ReadListing),
        Codec.Event("MerchantApplied", static (f, e) => f.String("name", e.Name).String("creditCode", e.CreditCode.Value),
            static (r, source, at) => new MerchantApplied(source, at, r.String("name"), CreditCode(r))),
        Codec.Event("MerchantStaffChanged", static (f, e) => f.String("staffId", e.StaffId).Bool("added", e.Added),
            static (r, source, at) => new MerchantStaffChanged(source, at, r.String("staffId"), r.Bool("added"))),
        Codec.Event("MerchantStatusChanged", static (f, e) => f.Enum("from", e.From).Enum("to", e.To).String("reason", e.Reason),
            static (r, source, at) => new MerchantStatusChanged(source, at, r.Enum<MerchantState>("from"), r.Enum<MerchantState>("to"), r.String("reason"))),
        Codec.Event("MerchantReReviewScheduled", static (f, e) => f.Date("dueOn", e.DueOn),
            static (r, source, at) => new MerchantReReviewScheduled(source, at, r.Date("dueOn"))),
        Codec.Event("MerchantViolationRecorded", static (f, e) => f.Enum("kind", e.Kind).String("reference", e.Reference).Int("score", e.Score),
            static (r, source, at) => new MerchantViolationRecorded(source, at, r.Enum<ViolationKind>("kind"), r.String("reference"), r.Int("score"))),
        Codec.Event("MerchantSanctioned", static (f, e) => f.Enum("step", e.Step).String("reason", e.Reason).Int("score", e.Score),
            static (r, source, at) => new MerchantSanctioned(source, at, r.Enum<SanctionStep>("step"), r.String("reason"), r.Int("score"))),
        Codec.Event("PermissionRequested", static (f, e) => f.String("request", e.Request).String("permission", e.Permission).Instant("dueAt", e.DueAt),
            static (r, source, at) => new PermissionRequested(source, at, r.String("request"), r.String("permission"), r.Instant("dueAt"))),
        Codec.Event("PermissionDecided", static (f, e) => f.String("request", e.Request).Bool("granted", e.Granted).Bool("late", e.Late),
            static (r, source, at) => new PermissionDecided(source, at, r.String("request"), r.Bool("granted"), r.Bool("late"))),
        Codec.Event("PermissionDecisionOverdue", static (f, e) => f.String("request", e.Request),
            static (r, source, at) => new PermissionDecisionOverdue(source, at, r.String("request"))),
        Codec.Event("ListingSubmitted", static (f, e) => f.Key("merchant", e.Merchant),
            static (r, source, at) => new ListingSubmitted(source, at, r.Key("merchant"))),
        Codec.Event("ListingReviewed", static (f, e) => f.Key("merchant", e.Merchant).Enum("state", e.State).String("findings", e.Findings),
            static (r, source, at) => new ListingReviewed(source, at, r.Key("merchant"), r.Enum<ListingState>("state"), r.OptionalString("findings"))),
        Codec.Event("ListingTakenDown", static (f, e) => f.Key("merchant", e.Merchant).String("reason", e.Reason),
            static (r, source, at) => new ListingTakenDown(source, at, r.Key("merchant"), r.String("reason"))),
    ];

    private static UnifiedSocialCreditCode CreditCode(JsonRecord r)
    {
        var text = r.String("creditCode");
        return UnifiedSocialCreditCode.TryParse(text, out var code)
            ? code
            : throw new System.Text.Json.JsonException($"A stored merchant has '{text}' as its unified social credit code, which is not valid (MER-1).");
    }

    private static void WriteMerchant(JsonFields f, Merchant m)
        => f.String("id", m.Id.Value).String("name", m.Name).String("creditCode", m.CreditCode.Value).String("taxRegistration", m.TaxRegistration)
            .String("appliedBy", m.AppliedBy).Strings("staff", m.Staff).Instant("appliedAt", m.AppliedAt).Enum("state", m.State).Instant("admittedAt", m.AdmittedAt)
            .Int("reReviewMonths", m.ReReviewMonths).Date("lastReviewedOn", m.LastReviewedOn).Date("reReviewDue", m.ReReviewDue).String("stateReason", m.StateReason)
            .Object("record", m.Record, static (o, x) => o.Int("complaintsUpheld", x.ComplaintsUpheld).Int("lateDispatches", x.LateDispatches)
                .Int("breaches", x.Breaches).Int("pointsDeducted", x.PointsDeducted))
            .Array("sanctions", m.Sanctions, static (o, x) => o.Enum("step", x.Step).String("reason", x.Reason).String("actorId", x.ActorId).Instant("at", x.At))
            .Array("permissionRequests", m.PermissionRequests, WriteRequest)
            .ArrayIfAny("provisionalDeadlines", m.ProvisionalDeadlines, DomainValues.WriteProvisionalDeadline);

    private static void WriteRequest(JsonFields f, PermissionRequest p)
        => f.String("number", p.Number).String("permission", p.Permission).String("reason", p.Reason).String("requestedBy", p.RequestedBy)
            .Instant("requestedAt", p.RequestedAt).Instant("dueAt", p.DueAt).Enum("state", p.State).String("decidedBy", p.DecidedBy)
            .Instant("decidedAt", p.DecidedAt).String("decisionReason", p.DecisionReason).Bool("overdue", p.Overdue);

    private static PermissionRequest ReadRequest(JsonRecord r)
        => new(r.String("number"), r.String("permission"), r.String("reason"), r.String("requestedBy"), r.Instant("requestedAt"), r.Instant("dueAt"))
        {
            State = r.Enum<PermissionRequestState>("state"),
            DecidedBy = r.OptionalString("decidedBy"),
            DecidedAt = r.OptionalInstant("decidedAt"),
            DecisionReason = r.OptionalString("decisionReason"),
            Overdue = r.Bool("overdue"),
        };

    private static Merchant ReadMerchant(JsonRecord r)
    {
        var record = r.Object("record");
        var counts = new MerchantRecord(record.Int("complaintsUpheld"), record.Int("lateDispatches"), record.Int("breaches"), record.Int("pointsDeducted"));
        if (counts.ComplaintsUpheld < 0 || counts.LateDispatches < 0 || counts.Breaches < 0 || counts.PointsDeducted < 0)
        {
            throw new System.Text.Json.JsonException("A stored merchant's record has a negative count (MER-3).");
        }

        var sanctions = r.Array("sanctions", static s => new MerchantSanction(s.Enum<SanctionStep>("step"), s.String("reason"), s.String("actorId"), s.Instant("at")));
        for (var i = 0; i < sanctions.Length; i++)
        {
            if ((int)sanctions[i].Step != i + 1)
            {
                throw new System.Text.Json.JsonException("A stored merchant's ladder skips or repeats a step (MER-3).");
            }
        }

        // A merchant stored before SEC-2's membership check has its applicant as its only staff member.
        var appliedBy = r.String("appliedBy");
        var staff = r.OptionalStrings("staff") ?? [appliedBy];
        if (staff.Any(string.IsNullOrWhiteSpace) || staff.Distinct(StringComparer.Ordinal).Count() != staff.Length)
        {
            throw new System.Text.Json.JsonException("A stored merchant's staff list has a blank or repeated ID (SEC-2).");
        }

        return Merchant.Rehydrate(new MerchantId(r.String("id")), r.String("name"), CreditCode(r), r.String("taxRegistration"), appliedBy,
            r.Instant("appliedAt"), r.Enum<MerchantState>("state"), (r.OptionalInstant("admittedAt"), r.Int("reReviewMonths"), r.OptionalDate("lastReviewedOn"), r.OptionalDate("reReviewDue")),
            r.OptionalString("stateReason"), counts, sanctions, r.Array("permissionRequests", ReadRequest), r.OptionalArray("provisionalDeadlines", DomainValues.ReadProvisionalDeadline),
            staff);
    }

    private static void WriteListing(JsonFields f, Listing l)
        => f.String("id", l.Id.Value).String("merchant", l.Merchant.Value).String("title", l.Title).String("description", l.Description).Money("price", l.Price)
            .Instant("submittedAt", l.SubmittedAt).Enum("state", l.State).String("decidedBy", l.DecidedBy).Instant("decidedAt", l.DecidedAt).String("reason", l.Reason);

    private static Listing ReadListing(JsonRecord r)
        => Listing.Rehydrate(new ListingId(r.String("id")), new MerchantId(r.String("merchant")), r.String("title"), r.String("description"), r.Money("price"),
            r.Instant("submittedAt"), r.Enum<ListingState>("state"), r.OptionalString("decidedBy"), r.OptionalInstant("decidedAt"), r.OptionalString("reason"));
}

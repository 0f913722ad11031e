using System.Globalization;
using EcomRules.Commands;
using EcomRules.Complaints;
using EcomRules.Engine;
using EcomRules.Merchants;
using EcomRules.Orders;
using EcomRules.Testing;
using EcomRules.Processing;
using NodaTime;

namespace EcomRules.SampleHost;

/// <summary>
/// Two merchants on one platform (MER-1..4): a tea shop admitted on the first trading day, whose false listing is taken
/// down and whose permission request is decided in time; and a hardware shop admitted a month earlier with a one-month
/// review interval, whose re-review lapses into suspension through its durable timer and whose permission request goes
/// overdue. A buyer's complaint about a tea order is upheld against the tea shop, and the library records it on the
/// shop's credit (MER-3) through the outbox. Fixed command IDs: a second run on the same database replays, duplicating nothing.
/// </summary>
internal static class MerchantScenario
{
    private static readonly Actor Ops = new("ops-merchants", ActorRole.Operations);
    private static readonly Actor TeaOwner = new("tea-owner", new ActorRole("merchant"));
    private static readonly Actor ToolOwner = new("tool-owner", new ActorRole("merchant"));
    private static readonly MerchantId Tea = new("M-TEA");
    private static readonly MerchantId Tools = new("M-TOOLS");
    private static readonly ListingId FalseListing = new("L-TEA-1");
    private static readonly ListingId GoodListing = new("L-TEA-2");
    private static readonly Actor Buyer = new("buyer-tea", ActorRole.Customer);
    private static readonly Actor Service = new("cs-chen", ActorRole.CustomerService);
    private static readonly OrderId TeaOrder = new("O-TEA-1");
    private static readonly ComplaintId TeaComplaint = new("K-TEA-1");

    public static async Task RunAsync(EcomEngine engine, TimerScheduler scheduler, OutboxDispatcher dispatcher, LocalDate firstDay, Instant now, TextWriter output)
    {
        var calendar = engine.Policy.Calendar;
        Instant At(LocalDate day, int hour) => calendar.InstantOf(day, new LocalTime(hour, 0));
        var monthBefore = firstDay.PlusMonths(-1);
        EcomCommand[] commands =
        [
            new ApplyForAdmission(Id(1), TeaOwner, At(firstDay, 9), Tea, "Anxi Example Tea Co., Ltd.", "91350100M000100Y43", "91350100M000100Y43"),
            new ReviewQualification(Id(2), Ops, At(firstDay, 10), Tea, true, "licence and tax registration verified"),
            new ApplyForAdmission(Id(3), ToolOwner, At(monthBefore, 9), Tools, "Ningbo Example Tools Co., Ltd.", "91330200MA2H4XK21B", "330201123456789"),
            new ReviewQualification(Id(4), Ops, At(monthBefore, 11), Tools, true, "licence verified; short interval while the tax certificate is renewed", 1),
            new SubmitListing(Id(5), TeaOwner, At(firstDay, 11), FalseListing, Tea, "Wuyi Da Hong Pao, 100 g", "Mother-tree Da Hong Pao", new Money(1999m)),
            new SubmitListing(Id(6), TeaOwner, At(firstDay, 11), GoodListing, Tea, "Anxi Tieguanyin, 250 g", "Spring harvest", new Money(88m)),
            new ReviewListing(Id(7), Ops, At(firstDay, 14), FalseListing, true, true, true),
            new ReviewListing(Id(8), Ops, At(firstDay, 14), GoodListing, true, true, true),
            new TakeDownListing(Id(9), Ops, At(firstDay.PlusDays(1), 10), FalseListing, "false listing: not from the mother trees, as a buyer's complaint showed"),
            new RecordMerchantViolation(Id(10), Ops, At(firstDay.PlusDays(1), 10), Tea, ViolationKind.Breach, FalseListing.Value, "false listing taken down"),
            new SanctionMerchant(Id(11), Ops, At(firstDay.PlusDays(1), 11), Tea, SanctionStep.Warning, "first false listing"),
            new RequestElevatedPermission(Id(12), TeaOwner, At(firstDay, 15), Tea, "P-1", "pre-sale", "spring harvest pre-orders"),
            new DecidePermissionRequest(Id(13), Ops, At(firstDay.PlusDays(2), 10), Tea, "P-1", true, "stock contracts seen"),
            new RequestElevatedPermission(Id(14), ToolOwner, At(firstDay, 15), Tools, "P-1", "cross-border", "export to Vietnam"),
            new AddMerchantStaff(Id(15), TeaOwner, At(firstDay, 16), Tea, "tea-clerk"),
            new SubmitListing(Id(16), ToolOwner, At(firstDay, 16), new ListingId("L-TEA-3"), Tea, "Tea tin", "Listed by another merchant's owner", new Money(5m)), // SEC-2
            new PlaceOrder(Id(17), Buyer, At(firstDay, 17), TeaOrder, SampleBuyers.Private(), [new OrderLine(GoodListing.Value, 1, new Money(88m))]) { Merchant = Tea },
            new FileComplaint(Id(18), Buyer, At(firstDay.PlusDays(1), 9), TeaComplaint, TeaOrder, null, "The tin holds 200 g, not the 250 g listed"),
            new AnswerComplaint(Id(19), Service, At(firstDay.PlusDays(1), 11), TeaComplaint, "You are right: the shop refunds the missing 50 g.", UpheldAgainstMerchant: true),
            new AcceptComplaintAnswer(Id(20), Buyer, At(firstDay.PlusDays(1), 12), TeaComplaint),
        ];
        foreach (var command in commands)
        {
            var decision = await engine.ExecuteAsync(command).ConfigureAwait(false);
            if (decision.IsRefused)
            {
                output.WriteLine($"  merchant scenario: {command.Action} refused: {decision.RuleId} {decision.Reason}");
            }
        }

        // The durable timers: the hardware shop's lapsed re-review (MER-1) and its undecided request (MER-4); the outbox
        // records the upheld complaint against the tea shop (MER-3).
        await scheduler.RunOnceAsync("merchant-scenario", now).ConfigureAwait(false);
        for (var i = 0; i < 5 && await dispatcher.RunOnceAsync("merchant-scenario", now).ConfigureAwait(false) > 0; i++)
        {
        }

        output.WriteLine("Merchants (MER-1..4), two on one platform:");
        foreach (var id in new[] { Tea, Tools })
        {
            if ((await engine.GetAsync(id).ConfigureAwait(false))?.Aggregate is not { } m)
            {
                continue;
            }

            var requests = string.Join(", ", m.PermissionRequests.Select(r => $"{r.Permission} {r.State}{(r.Overdue ? " (overdue, MER-4)" : string.Empty)}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {m.Id} {m.Name} (staff {string.Join(", ", m.Staff)}): {m.State}{(m.StateReason is { } why ? $" ({why})" : string.Empty)}; credit {m.Rating} ({m.Record.ComplaintsUpheld} upheld complaints, {m.Record.LateDispatches} late dispatches, {m.Record.Breaches} breaches); ladder {m.Ladder}; re-review due {m.ReReviewDue:uuuu-MM-dd}; permissions: {requests}"));
        }

        foreach (var id in new[] { FalseListing, GoodListing })
        {
            if ((await engine.GetAsync(id).ConfigureAwait(false))?.Aggregate is { } l)
            {
                output.WriteLine($"  listing {l.Id} \"{l.Title}\": {l.State}{(l.Reason is { } why ? $" ({why})" : string.Empty)}");
            }
        }
    }

    private static CommandId Id(int n) => new(string.Create(CultureInfo.InvariantCulture, $"merchant-scenario-{n}"));
}

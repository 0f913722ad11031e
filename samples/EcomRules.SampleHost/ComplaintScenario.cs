using EcomRules.Commands;
using EcomRules.Complaints;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Processing;
using NodaTime;

namespace EcomRules.SampleHost;

/// <summary>
/// After the trading days, one customer complains about the first received order (AFS-1): customer service cannot
/// answer and escalates to the department head, whose decision goes back by SMS; the customer disputes it and mediation
/// settles it (AFS-2). Fixed command IDs: run again on the same database, every command replays its first decision.
/// </summary>
internal static class ComplaintScenario
{
    private static readonly Actor Customer = new("buyer-sample", ActorRole.Customer);
    private static readonly Actor Service = new("cs-chen", ActorRole.CustomerService);
    private static readonly Actor Head = new("head-huang", ActorRole.ServiceDepartmentHead);

    public static async Task RunAsync(EcomEngine engine, OutboxDispatcher dispatcher, Instant now, IReadOnlyList<OrderId> orderIds, TextWriter output, CancellationToken cancellationToken)
    {
        Order? order = null;
        foreach (var id in orderIds)
        {
            if ((await engine.GetAsync(id, new DataAccess(Service, now, "finding the order the customer complains about"), cancellationToken).ConfigureAwait(false))?.Aggregate is { ReceivedAt: not null } received)
            {
                order = received;
                break;
            }
        }

        if (order is null)
        {
            output.WriteLine("Complaints: no received order to complain about.");
            return;
        }

        var complaint = new ComplaintId("sample-" + order.Id.Value);
        var at = order.ReceivedAt!.Value + Duration.FromHours(2);
        var steps = new EcomCommand[]
        {
            new FileComplaint(Id(complaint, "file"), Customer, at, complaint, order.Id, null, "The parcel arrived late; I want compensation."),
            new EscalateComplaint(Id(complaint, "escalate"), Service, at + Duration.FromHours(1), complaint, "Compensation is above customer service's authority."),
            new DecideComplaint(Id(complaint, "decide"), Head, at + Duration.FromHours(5), complaint, "We refund the freight as compensation."),
            new DisputeComplaint(Id(complaint, "dispute"), Customer, at + Duration.FromHours(8), complaint, "The freight is not enough."),
            new RecordMediationOutcome(Id(complaint, "mediate"), Service, at + Duration.FromDays(3), complaint, true, "A 20 yuan voucher on top of the freight."),
        };
        Decision? last = null;
        foreach (var step in steps)
        {
            last = await engine.ExecuteAsync(step, cancellationToken).ConfigureAwait(false);
            if (!last.IsAccepted)
            {
                output.WriteLine($"Complaints: {step.Action} refused ({last.RuleId}): {last.Reason}");
                return;
            }
        }

        for (var i = 0; i < 10 && await dispatcher.RunOnceAsync("complaints", now, cancellationToken).ConfigureAwait(false) > 0; i++)
        {
        }

        // The complaint holds the customer's phone and demand: shown here as the service desk reads it, audited (SEC-2).
        var closed = (await engine.GetAsync(complaint, new DataAccess(Service, now, "complaint summary"), cancellationToken).ConfigureAwait(false))!.Aggregate;
        output.WriteLine($"Complaints: {closed} — escalated by {closed.EscalatedBy}, decided by {closed.AnsweredBy} within SLA-6 and sent by SMS (AFS-1); "
            + $"disputed, then {closed.Resolution} in mediation: \"{closed.MediationOutcome}\" (AFS-2).");
    }

    private static CommandId Id(ComplaintId complaint, string step) => new($"{complaint}/{step}");
}

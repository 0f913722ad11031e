using EcomRules.Commands;
using EcomRules.Complaints.Events;
using EcomRules.Deadlines;
using EcomRules.Internal;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Returns;
using NodaTime;

namespace EcomRules.Complaints;

/// <summary>
/// Records a customer's complaint with their demand (AFS-1) about an order, or about one of its return cases (then
/// linked to it: the case's end can close the complaint). Starts SLA-6: the answer is due within 24 hours, 48 in a
/// special case, with durable warning and breach timers (SLA-8). The customer is told by SMS that it was received.
/// Refused as invalid input naming AFS-1 without a demand or for a return case of another order; naming AFS-1 when the
/// actor is neither the customer nor customer service.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The customer, or customer service on their behalf.</param>
/// <param name="At">When the customer complained.</param>
/// <param name="ComplaintId">The new complaint's ID.</param>
/// <param name="Order">The order complained about (the return case's order for a complaint about a return).</param>
/// <param name="ReturnCase">The return case complained about, or null.</param>
/// <param name="Demand">What the customer asks for (required). Personal data: never logged (SEC-1).</param>
/// <param name="SpecialCase">Whether SLA-6's special case applies (48 hours instead of 24). The default is false.</param>
public sealed record FileComplaint(CommandId CommandId, Actor Actor, Instant At, ComplaintId ComplaintId, OrderId Order, ReturnCaseId? ReturnCase,
    string Demand, bool SpecialCase = false) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => ComplaintId.Key;

    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads
        => ReturnCase is { } returnCase ? [Order.Key, returnCase.Key, ReturnCaseComplaints.KeyOf(returnCase)] : [Order.Key];

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Find(Target) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Complaint {ComplaintId} already exists.");
        }

        if (Actor.Role != ActorRole.Customer && !ComplaintCommand.IsService(Actor.Role))
        {
            return CommandOutcome.Refuse(RuleIds.Afs1, $"A complaint is recorded by the customer or by customer service, not by {Actor.Role}.");
        }

        if (input.Get<Order>(Order.Key) is not { } order)
        {
            return CommandOutcome.NotFound(Order.Key);
        }

        if (ReturnCase is { } caseId && input.Get<ReturnCase>(caseId.Key) is null)
        {
            return CommandOutcome.NotFound(caseId.Key);
        }

        var policy = input.Policy;
        var timers = new List<TimerRequest>();
        var definition = Complaint.AnswerDefinition(policy, SpecialCase);
        var slas = SlaSchedule.Start([], definition, policy, Target, At, timers); // SLA-6 with its warnings and breach (SLA-8)
        var complaint = new Complaint(ComplaintId, Order, ReturnCase, Demand, order.Buyer.Phone, At, SpecialCase, slas[0]).Against(order.Merchant); // MER-3
        var due = complaint.AnswerSla.OriginalBreachAt(policy.Calendar);
        var writes = new List<AggregateWrite>(2) { new(Target, 0, complaint) };
        if (ReturnCase is { } linked)
        {
            var indexKey = ReturnCaseComplaints.KeyOf(linked);
            var index = input.Get<ReturnCaseComplaints>(indexKey) ?? new ReturnCaseComplaints(linked, []);
            writes.Add(new AggregateWrite(indexKey, input.VersionOf(indexKey), index.Adding(ComplaintId)));
        }

        return CommandOutcome.Accept("(new) → Received", writes,
        [
            new ComplaintFiled(Target, At, complaint.Concerns, SpecialCase, due),
            new CustomerNotificationRequested(Target, At, order.Buyer.Phone, "complaint-received",
                $"We received your complaint {ComplaintId} about {complaint.Concerns.Id}; you will get an answer by {Format(due, policy)}."), // AFS-1
        ],
        timers);
    }

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
    {
        if (string.IsNullOrWhiteSpace(Demand))
        {
            return new InputProblem("A complaint is recorded with the customer's demand; it is blank.", RuleIds.Afs1);
        }

        if (Order.Value.Length == 0 || (ReturnCase is { } returnCase && returnCase.Order != Order))
        {
            return new InputProblem($"A complaint names the order it concerns, and a return case of that order ({ReturnCase?.Order} is not {Order}).", RuleIds.Afs1);
        }

        return limits.Reason(Demand, "demand");
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("complaint", ComplaintId.Number).Add("order", Order.Value).Add("case", ReturnCase?.ToString()).Add("demand", Demand).Add("special", SpecialCase);

    private static string Format(Instant due, EcomPolicy policy)
    {
        var local = due.InZone(policy.Zone).LocalDateTime;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{local.Year:D4}-{local.Month:D2}-{local.Day:D2} {local.Hour:D2}:{local.Minute:D2}");
    }
}

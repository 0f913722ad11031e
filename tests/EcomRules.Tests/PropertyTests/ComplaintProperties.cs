using EcomRules.Commands;
using EcomRules.Complaints;
using EcomRules.Complaints.Events;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Sla;
using EcomRules.Tests.Complaints;
using EcomRules.Tests.Returns;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

/// <summary>A complaint filed <see cref="Minutes"/> after the start of 2026, in a special case or not, under an SLA-6 on elapsed or working time.</summary>
public sealed record ComplaintFiling(int Minutes, bool Special, bool WorkingBasis);

/// <summary>Commands attempted on one complaint: (which command, by which actor, with a blank text or not).</summary>
public sealed record ComplaintRun((int Command, int Actor, bool Blank)[] Plan)
{
    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Plan.Select(p => $"{p.Command}/{p.Actor}{(p.Blank ? " blank" : string.Empty)}"));
}

[Properties(Arbitrary = [typeof(ComplaintProperties)])]
public sealed class ComplaintProperties
{
    private static readonly Instant Start2026 = ReturnFixture.At(2026, 1, 1, 0);

    private static readonly EcomPolicy WorkingTimePolicy = WithWorkingSla6();

    private static readonly Actor[] Actors = [ComplaintFixture.Buyer, ComplaintFixture.Service, ComplaintFixture.Head, ComplaintFixture.Warehouse, Actor.System];

    [Property(MaxTest = 60)]
    [Trait("Rule", "SLA-6")]
    public bool SLA6_the_answer_is_due_by_the_SLA_definition_on_the_working_calendar(ComplaintFiling filing)
    {
        var policy = filing.WorkingBasis ? WorkingTimePolicy : EcomPolicy.RetailPlatform;
        var f = new ReturnFixture(policy);
        var order = new OrderId("P-1");
        f.ReceivedOrderNow(order, 10m);
        var at = Start2026 + Duration.FromMinutes(filing.Minutes);
        var decision = f.RunNow(new FileComplaint(f.NextId(), ComplaintFixture.Buyer, at, new ComplaintId("K"), order, null, "demand", filing.Special));
        var due = decision.Events.OfType<ComplaintFiled>().Single().AnswerDueAt;
        var hours = Duration.FromHours(filing.Special ? 48 : 24);

        // 24 hours, 48 in a special case: elapsed, or working hours counted on the calendar (DSP-1, DSP-4).
        var expected = filing.WorkingBasis ? policy.Calendar.AddWorkingTime(at, hours) : at + hours;
        var timer = f.Store.Timers.Single(t => t.Target == new ComplaintId("K").Key && t.Kind == "sla-breach");
        Assert.True(decision.IsAccepted, decision.Reason);
        Assert.Equal(expected, due);
        Assert.Equal(expected, timer.DueAt);
        var sla = decision.StateAs<Complaint>().AnswerSla;
        Assert.Equal(expected, sla.Evaluate(at + Duration.FromMinutes(1), policy.Calendar).CurrentBreachAt);
        Assert.NotEqual(SlaState.Breached, sla.Evaluate(expected - Duration.FromMinutes(1), policy.Calendar).State);
        return true;
    }

    [Property(MaxTest = 60)]
    [Trait("Rule", "AFS-1")]
    [Trait("Rule", "AFS-2")]
    public bool AFS1_a_complaint_never_closes_unanswered_and_a_refusal_changes_nothing(ComplaintRun run)
    {
        var f = new ReturnFixture();
        var order = new OrderId("P-2");
        f.ReceivedOrderNow(order, 10m);
        var id = new ComplaintId("K");
        var at = ReturnFixture.At(2026, 3, 4);
        if (!f.RunNow(new FileComplaint(f.NextId(), ComplaintFixture.Buyer, at, id, order, null, "demand")).IsAccepted)
        {
            return false;
        }

        foreach (var (command, actor, blank) in run.Plan)
        {
            var before = f.LoadNow(id.Key)!;
            var decision = f.RunNow(Make(f.NextId(), command, Actors[actor], at = at + Duration.FromMinutes(10), id, blank ? " " : "text"));
            var after = f.LoadNow(id.Key)!;
            var complaint = (Complaint)after.State;
            if ((decision.IsRefused && !Equals(before, after))
                || (complaint.State == ComplaintState.Closed && (complaint.Answer is null || complaint.AnswerSla.Phase != SlaTimerPhase.Stopped))
                || (complaint.State is ComplaintState.InArbitration && complaint.MediationOutcome is null))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Any minute of 2026 but its last three days (the deadline stays in a year with holiday data).</summary>
    public static Arbitrary<ComplaintFiling> Filings() => Arb.From(
        from minutes in Gen.Choose(0, (362 * 24 * 60) - 1)
        from special in Gen.Elements(false, true)
        from working in Gen.Elements(false, true)
        select new ComplaintFiling(minutes, special, working));

    /// <summary>Plans of up to a dozen commands by any actor; a text is blank one time in five.</summary>
    public static Arbitrary<ComplaintRun> Runs() => Arb.From(
        from plan in Gen.ArrayOf(
            from command in Gen.Choose(0, 7)
            from actor in Gen.Choose(0, Actors.Length - 1)
            from blank in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
            select (command, actor, blank))
        select new ComplaintRun(plan.Take(12).ToArray()),
        r => Shrinks.Array(r.Plan).Select(p => new ComplaintRun(p)));

    private static EcomCommand Make(CommandId commandId, int command, Actor actor, Instant at, ComplaintId id, string text) => command switch
    {
        0 => new AnswerComplaint(commandId, actor, at, id, text),
        1 => new EscalateComplaint(commandId, actor, at, id, text),
        2 => new DecideComplaint(commandId, actor, at, id, text),
        3 => new AcceptComplaintAnswer(commandId, actor, at, id),
        4 => new DisputeComplaint(commandId, actor, at, id, text),
        5 => new RecordMediationOutcome(commandId, actor, at, id, true, text),
        6 => new RecordMediationOutcome(commandId, actor, at, id, false, text),
        _ => new RecordArbitrationAward(commandId, actor, at, id, text),
    };

    private static EcomPolicy WithWorkingSla6()
    {
        var builder = EcomPolicy.RetailPlatform.ToBuilder();
        builder.Slas["SLA-6"] = SlaDefinitions.AfterSales(false, SlaTimeBasis.WorkingTime);
        return builder.Build();
    }
}

using System.Collections.Immutable;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// Computes an aggregate's provisional deadlines again on the policy's working calendar after a year's public-holiday
/// data was added (SLA-8, DSP-1): SLA breach instants from the SLA timer's events, an order's dispatch date and
/// deadline from its payment instant. Each durable timer moves to its new instant, and the aggregate records a
/// <see cref="DeadlinesRecomputed"/> event and one audit entry (who: the system; why: the notice). Only deadlines
/// still ahead are recomputed: one whose provisional instant has come is final (its timer fires, or fired, then). An
/// aggregate without such deadlines, or whose deadlines come out the same, is accepted without a change: running it
/// twice changes nothing. <see cref="Processing.DeadlineRecomputer"/> issues it for every aggregate concerned.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who issues it (normally <see cref="Actor.System"/>).</param>
/// <param name="At">When it takes effect.</param>
/// <param name="Aggregate">The aggregate whose deadlines are recomputed.</param>
/// <param name="Notice">Why: the notice whose data was added, as cited in the audit trail.</param>
internal sealed record RecomputeDeadlines(CommandId CommandId, Actor Actor, Instant At, AggregateKey Aggregate, string Notice)
    : EcomCommand(CommandId, Actor, At)
{
    /// <summary>Gets the notice whose data was added, validated.</summary>
    public string Notice { get; init; } = Preconditions.CheckNotBlank(Notice);

    /// <inheritdoc />
    public override AggregateKey Target => Aggregate;

    /// <inheritdoc />
    public override string? Reason => Notice;

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var stored = input.Find(Aggregate);
        if (stored is null)
        {
            return CommandOutcome.NotFound(Aggregate);
        }

        var pending = stored.State is IRecomputableDeadlines candidate && !candidate.ProvisionalDeadlines.IsDefault
            ? candidate.ProvisionalDeadlines.Where(d => d.DueAt > At).ToList()
            : [];
        if (pending.Count == 0 || stored.State is not IRecomputableDeadlines owner)
        {
            return CommandOutcome.Accept("no pending provisional deadlines", [], []);
        }

        var policy = input.Policy;
        var changes = ImmutableArray.CreateBuilder<RecomputedDeadline>();
        var timers = new List<TimerRequest>();
        foreach (var deadline in pending)
        {
            var due = owner.Recompute(deadline, policy, At);
            timers.Add(new TimerRequest(deadline.TimerId, Aggregate, deadline.Kind, due));
            var stillProvisional = due is { } d && policy.Calendar.IsProvisional(d);
            if (due != deadline.DueAt || !stillProvisional)
            {
                changes.Add(new RecomputedDeadline(deadline.TimerId, deadline.DueAt, due, stillProvisional));
            }
        }

        var recomputed = owner.RecomputeDerivedDates(policy, pending);
        if (changes.Count == 0 && Equals(recomputed, stored.State))
        {
            return CommandOutcome.Accept("no deadline changed", [], []);
        }

        // The engine moves the provisional marks with these timer requests (ProvisionalMarking).
        return CommandOutcome.Accept("deadlines recomputed on the working calendar",
            [new AggregateWrite(Aggregate, stored.Version, recomputed)],
            [new DeadlinesRecomputed(Aggregate, At, Notice, changes.ToImmutable())],
            timers);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("kind", Aggregate.Kind).Add("id", Aggregate.Id).Add("notice", Notice);
}

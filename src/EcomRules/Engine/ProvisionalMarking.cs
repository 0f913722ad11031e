using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Calendars;
using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Engine;

/// <summary>
/// The engine's treatment of uncovered calendar years (DSP-1), applied to every accepted outcome. With
/// <see cref="UncoveredYears.Refuse"/> a command whose instant is in an uncovered year is refused (a deadline computed
/// on the working calendar into one has already failed: the strict calendar throws, and the engine refuses). With
/// <see cref="UncoveredYears.Provisional"/> the aggregate's provisional deadlines follow the timers the command requests:
/// a deadline the module computed on provisional calendar days (<see cref="IRecomputableDeadlines.IsProvisional"/>) is
/// marked; a moved or cancelled timer, or one whose instant has come, loses its mark; a
/// <see cref="DeadlinesProvisional"/> event names the new marks. A deadline counted in elapsed time (24 hours, calendar
/// days) does not depend on holiday data and is never marked or refused. One mechanism for every module.
/// <para>
/// A command that schedules such a deadline for an aggregate it read but does not write (a warning that fires and
/// schedules the next one of its SLA's chain, SLA-8) writes that aggregate too, at the version it read, to record the
/// mark: one version and one audit entry more, only while deadlines fall in a year without holiday data, so that the
/// recomputation finds every provisional deadline.
/// </para>
/// </summary>
internal static class ProvisionalMarking
{
    public static CommandOutcome Apply(EcomCommand command, CommandOutcome outcome, DecisionInput input, EcomPolicy policy, out int provisionalYear, out int provisionalCount)
    {
        provisionalYear = 0;
        provisionalCount = 0;
        if (!outcome.IsAccepted)
        {
            return outcome;
        }

        var calendar = policy.Calendar;
        if (calendar.Uncovered == UncoveredYears.Refuse)
        {
            return calendar.IsProvisional(command.At) ? Refusal(calendar, command.At, "the command's instant") : outcome;
        }

        var writes = WithUnwrittenOwners(outcome, input, policy);
        AggregateWrite[]? marked = ReferenceEquals(writes, outcome.Writes) ? null : [.. writes];
        List<DomainEvent>? events = null;
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.State is not IRecomputableDeadlines owner)
            {
                continue;
            }

            var before = owner.ProvisionalDeadlines.IsDefault ? [] : owner.ProvisionalDeadlines;
            if (before.IsEmpty && !AnyProvisional(outcome.Timers, write.Key, calendar))
            {
                // The common case, inside the covered years: nothing to mark, nothing to clear.
                continue;
            }

            // A deadline that has come is no longer pending: its timer fired (or fires now) on the instant it had.
            var at = command.At;
            var after = before.RemoveAll(d => d.DueAt <= at);
            var added = ImmutableArray.CreateBuilder<ProvisionalDeadline>();
            foreach (var timer in outcome.Timers)
            {
                if (timer.Target != write.Key)
                {
                    continue;
                }

                var id = timer.TimerId;
                after = after.RemoveAll(d => string.Equals(d.TimerId, id, StringComparison.Ordinal));
                if (timer.DueAt is { } due && owner.IsProvisional(timer, policy))
                {
                    var deadline = new ProvisionalDeadline(id, timer.Kind, due);
                    after = after.Add(deadline);
                    if (!before.Contains(deadline))
                    {
                        added.Add(deadline);
                        provisionalYear = provisionalYear == 0 ? due.InZone(calendar.Zone).Year : provisionalYear;
                    }
                }
            }

            if (!after.SequenceEqual(before))
            {
                marked ??= [.. writes];
                marked[i] = write with { State = owner.WithProvisionalDeadlines(after) };
            }

            if (added.Count > 0)
            {
                provisionalCount += added.Count;
                (events ??= [.. outcome.Events]).Add(new DeadlinesProvisional(write.Key, command.At, added.ToImmutable()));
            }
        }

        return marked is null && events is null
            ? outcome
            : outcome.WithWritesAndEvents(marked ?? writes, events ?? outcome.Events);
    }

    /// <summary>
    /// The outcome's writes, plus the stored state of an aggregate the command read but does not write when it schedules
    /// one of that aggregate's deadlines on provisional days that is not marked yet — such as the next SLA warning
    /// scheduled by a warning that fired (SLA-8): the mark is what a later recomputation finds.
    /// </summary>
    private static IReadOnlyList<AggregateWrite> WithUnwrittenOwners(CommandOutcome outcome, DecisionInput input, EcomPolicy policy)
    {
        List<AggregateWrite>? more = null;
        foreach (var timer in outcome.Timers)
        {
            // The owner decides what is provisional (a warning in a covered year can be, when its breach is not).
            if (timer.DueAt is not { } due || Writes(more ?? outcome.Writes, timer.Target)
                || input.Find(timer.Target) is not { State: IRecomputableDeadlines owner } stored
                || !owner.IsProvisional(timer, policy)
                || (!owner.ProvisionalDeadlines.IsDefault && owner.ProvisionalDeadlines.Contains(new ProvisionalDeadline(timer.TimerId, timer.Kind, due))))
            {
                continue;
            }

            (more ??= [.. outcome.Writes]).Add(new AggregateWrite(timer.Target, stored.Version, stored.State));
        }

        return more ?? outcome.Writes;
    }

    private static bool Writes(IReadOnlyList<AggregateWrite> writes, AggregateKey key)
    {
        for (var i = 0; i < writes.Count; i++)
        {
            if (writes[i].Key == key)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyProvisional(IReadOnlyList<TimerRequest> timers, AggregateKey key, WorkingCalendar calendar)
    {
        for (var i = 0; i < timers.Count; i++)
        {
            if (timers[i].DueAt is { } due && calendar.IsProvisional(due) && timers[i].Target == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The refusal of a command that reaches a year without public-holiday data (DSP-1).</summary>
    public static CommandOutcome Refusal(WorkingCalendar calendar, Instant reached, string what)
        => Refusal(calendar, reached.InZone(calendar.Zone).Year, what);

    public static CommandOutcome Refusal(WorkingCalendar calendar, int year, string what)
    {
        var next = calendar.Holidays.LastYear + 1;
        return CommandOutcome.Refuse(RefusalCode.CalendarNotCovered,
            string.Create(CultureInfo.InvariantCulture,
                $"The working calendar has no public-holiday data for {year} (it covers {calendar.Holidays.FirstYear}–{calendar.Holidays.LastYear}), and {what} falls in it. Add {next} from the State Council notice (国务院办公厅关于{next}年部分节假日安排的通知) to the configuration section EcomRules:Calendar:Years, or with EcomPolicy.WithHolidayYear(...), then retry."),
            RuleIds.Dsp1);
    }
}

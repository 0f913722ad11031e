using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Queues;
using NodaTime;

namespace EcomRules.Tests.Queues;

/// <summary>The kernel's timer-backed queues name the kinds the modules schedule, without naming the modules.</summary>
public sealed class WorkQueueTimerKindTests
{
    [Fact]
    public void Timer_backed_queues_read_the_kinds_the_modules_schedule()
    {
        Assert.Equal(PayOrder.DispatchDeadlineTimerKind, WorkQueueQuery.DispatchDeadlinesBetween(Instant.FromUnixTimeSeconds(0), Instant.FromUnixTimeSeconds(60)).TimerKind);
        Assert.Equal(SlaSchedule.BreachTimerKind, WorkQueueQuery.RunningSlas().TimerKind);
        Assert.Null(WorkQueueQuery.ReturnsAwaitingDecision().TimerKind);
    }
}

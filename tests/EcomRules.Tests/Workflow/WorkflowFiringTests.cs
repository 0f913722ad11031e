using EcomRules.Workflow;

namespace EcomRules.Tests.Workflow;

[Trait("Area", "Workflow")]
public sealed class WorkflowFiringTests
{
    private static readonly WorkflowDefinition<Phase, Signal, Facts> Nested = TestWorkflows.Nested;

    private static void AssertAccepted(FireResult<Phase, Signal> result, TransitionKind kind, Phase destination)
    {
        Assert.True(result.IsAccepted, result.ToString());
        Assert.False(result.IsRefused);
        Assert.Equal(kind, result.Kind);
        Assert.Equal(destination, result.Destination);
    }

    private static WorkflowRefusal<Phase, Signal> AssertRefused(FireResult<Phase, Signal> result, RefusalKind kind)
    {
        Assert.True(result.IsRefused, result.ToString());
        Assert.False(result.IsAccepted);
        Assert.Equal(TransitionKind.Refused, result.Kind);
        Assert.Equal(result.Source, result.Destination);
        var refusal = result.Refusal;
        Assert.Equal(kind, refusal.Kind);
        Assert.Equal(result.Source, refusal.State);
        Assert.Equal(result.Trigger, refusal.Trigger);
        return refusal;
    }

    [Fact]
    public void Permit_IsATransition()
    {
        var result = Nested.TryFire(Phase.Draft, Signal.Submit, Facts.None);

        AssertAccepted(result, TransitionKind.Transition, Phase.Open);
        Assert.Equal(Phase.Draft, result.Source);
        Assert.Equal(Signal.Submit, result.Trigger);
        Assert.Equal("Draft --Submit--> Open (Transition)", result.ToString());
    }

    [Fact]
    public void PermitReentry_ReentersTheState()
        => AssertAccepted(Nested.TryFire(Phase.Open, Signal.Touch, Facts.None), TransitionKind.Reentry, Phase.Open);

    [Fact]
    public void InternalTransition_StaysInTheState()
        => AssertAccepted(Nested.TryFire(Phase.Open, Signal.Poll, Facts.None), TransitionKind.Internal, Phase.Open);

    [Fact]
    public void Ignore_IsAcceptedAndStays()
        => AssertAccepted(Nested.TryFire(Phase.Open, Signal.Resume, Facts.None), TransitionKind.Ignored, Phase.Open);

    [Fact]
    public void Refuse_IsForbiddenNamingTheRule()
    {
        var refusal = AssertRefused(Nested.TryFire(Phase.Draft, Signal.Cancel, Facts.All), RefusalKind.Forbidden);

        Assert.Equal(RuleIds.Ord2, refusal.RuleId);
        Assert.Equal("ORD-2", refusal.GuardName);
        Assert.Equal("Trigger 'Cancel' was refused in state 'Draft': Drafts are deleted, not cancelled.", refusal.Reason); // the rule ID is RuleId, not repeated
        Assert.Equal("ORD-2: " + refusal.Reason, refusal.ToString());
    }

    [Fact]
    public void RefuseWithoutRuleId_IsNamedRefuse()
    {
        var builder = TestGuards.Builder();
        builder.Configure(Phase.Open).Refuse(Signal.Cancel, default, "Not now.");

        var refusal = AssertRefused(builder.Build().TryFire(Phase.Open, Signal.Cancel, Facts.None), RefusalKind.Forbidden);

        Assert.Equal("Refuse", refusal.GuardName);
        Assert.True(refusal.RuleId.IsEmpty);
        Assert.Equal(refusal.Reason, refusal.ToString());
    }

    [Fact]
    public void UnconfiguredTrigger_IsNotPermitted()
    {
        var builder = TestGuards.Builder();
        builder.Configure(Phase.Draft).Permit(Signal.Submit, Phase.Open);

        var refusal = AssertRefused(builder.Build().TryFire(Phase.Draft, Signal.Finish, Facts.All), RefusalKind.NotPermitted);

        Assert.Null(refusal.GuardName);
        Assert.True(refusal.RuleId.IsEmpty);
        Assert.Equal("Trigger 'Finish' is not permitted in state 'Draft'.", refusal.Reason);
    }

    [Fact]
    public void OnUnhandledTrigger_NamesItsRuleOnNotPermittedRefusals()
    {
        var refusal = AssertRefused(Nested.TryFire(Phase.Draft, Signal.Poll, Facts.All), RefusalKind.NotPermitted);

        Assert.Equal(RuleIds.Ord1, refusal.RuleId);
        Assert.Null(refusal.GuardName);
        Assert.Equal("Trigger 'Poll' is not permitted in state 'Draft': State only moves along the table.", refusal.Reason);
    }

    [Fact]
    public void OnUnhandledTrigger_DoesNotRenameGuardOrForbiddenRefusals()
    {
        Assert.Equal(RuleIds.Ord7, AssertRefused(Nested.TryFire(Phase.Draft, Signal.Start, Facts.None), RefusalKind.GuardFailed).RuleId);
        Assert.Equal(RuleIds.Ord2, AssertRefused(Nested.TryFire(Phase.Draft, Signal.Cancel, Facts.None), RefusalKind.Forbidden).RuleId);
    }

    [Fact]
    public void Guards_TakeTheFirstThatPassesInDeclarationOrder()
    {
        AssertAccepted(Nested.TryFire(Phase.Draft, Signal.Start, Facts.Of(0)), TransitionKind.Transition, Phase.Busy);
        AssertAccepted(Nested.TryFire(Phase.Draft, Signal.Start, Facts.Of(1)), TransitionKind.Transition, Phase.Waiting);
        AssertAccepted(Nested.TryFire(Phase.Draft, Signal.Start, Facts.Of(0, 1)), TransitionKind.Transition, Phase.Busy);
    }

    [Fact]
    public void AllGuardsFailing_IsGuardFailedNamingTheFirstGuard()
    {
        var refusal = AssertRefused(Nested.TryFire(Phase.Draft, Signal.Start, Facts.Of(2)), RefusalKind.GuardFailed);

        Assert.Equal("Paid", refusal.GuardName);
        Assert.Equal(RuleIds.Ord7, refusal.RuleId);
        Assert.Equal("Trigger 'Start' was refused in state 'Draft' by Paid: Paid does not hold.", refusal.Reason);
    }

    [Fact]
    public void GuardWithoutRuleId_RefusesWithEmptyRuleId()
    {
        var builder = TestGuards.Builder();
        builder.Configure(Phase.Open).PermitIf(Signal.Start, Phase.Busy, TestGuards.Staffed);

        var refusal = AssertRefused(builder.Build().TryFire(Phase.Open, Signal.Start, Facts.None), RefusalKind.GuardFailed);

        Assert.Equal("Staffed", refusal.GuardName);
        Assert.True(refusal.RuleId.IsEmpty);
    }

    [Fact]
    public void GuardedReentryAndInternal_FollowTheirGuards()
    {
        AssertAccepted(Nested.TryFire(Phase.Waiting, Signal.Submit, Facts.Of(0)), TransitionKind.Reentry, Phase.Waiting);
        Assert.Equal("Paid", AssertRefused(Nested.TryFire(Phase.Waiting, Signal.Submit, Facts.None), RefusalKind.GuardFailed).GuardName);
        AssertAccepted(Nested.TryFire(Phase.Waiting, Signal.Start, Facts.Of(1)), TransitionKind.Internal, Phase.Waiting);
        Assert.Equal("Staffed", AssertRefused(Nested.TryFire(Phase.Waiting, Signal.Start, Facts.None), RefusalKind.GuardFailed).GuardName);
    }

    [Fact]
    public void Substate_InheritsTriggersItDoesNotHandle()
    {
        AssertAccepted(Nested.TryFire(Phase.Busy, Signal.Cancel, Facts.None), TransitionKind.Transition, Phase.Done);
        AssertAccepted(Nested.TryFire(Phase.Waiting, Signal.Finish, Facts.Of(2)), TransitionKind.Transition, Phase.Done);
    }

    [Fact]
    public void SubstatesOwnUnguardedEntry_OverridesTheSuperstate()
        => AssertAccepted(Nested.TryFire(Phase.Waiting, Signal.Cancel, Facts.None), TransitionKind.Transition, Phase.Draft);

    [Fact]
    public void SubstatesOwnGuards_AreTriedBeforeInheritedOnes()
    {
        // Busy: Finish [Paid] → Waiting; inherited from Open: Finish [Approved] → Done.
        AssertAccepted(Nested.TryFire(Phase.Busy, Signal.Finish, Facts.Of(0, 2)), TransitionKind.Transition, Phase.Waiting);
        AssertAccepted(Nested.TryFire(Phase.Busy, Signal.Finish, Facts.Of(2)), TransitionKind.Transition, Phase.Done);
        var refusal = AssertRefused(Nested.TryFire(Phase.Busy, Signal.Finish, Facts.Of(1)), RefusalKind.GuardFailed);
        Assert.Equal("Paid", refusal.GuardName);
    }

    [Fact]
    public void RefuseInSubstate_BlocksAnInheritedTrigger()
    {
        var refusal = AssertRefused(Nested.TryFire(Phase.Busy, Signal.Touch, Facts.All), RefusalKind.Forbidden);

        Assert.Equal(RuleIds.Ord7, refusal.RuleId);
        AssertAccepted(Nested.TryFire(Phase.Waiting, Signal.Touch, Facts.None), TransitionKind.Reentry, Phase.Open);
    }

    [Fact]
    public void InheritedReentry_ReentersTheSuperstate()
        => AssertAccepted(Nested.TryFire(Phase.Waiting, Signal.Touch, Facts.None), TransitionKind.Reentry, Phase.Open);

    [Fact]
    public void InheritedInternalAndIgnore_StayInTheSubstate()
    {
        AssertAccepted(Nested.TryFire(Phase.Busy, Signal.Poll, Facts.None), TransitionKind.Internal, Phase.Busy);
        AssertAccepted(Nested.TryFire(Phase.Busy, Signal.Resume, Facts.None), TransitionKind.Ignored, Phase.Busy);
    }

    [Fact]
    public void InheritedForbidden_IsReportedInTheSubstate()
    {
        var builder = TestGuards.Builder();
        builder.Configure(Phase.Open).Refuse(Signal.Cancel, RuleIds.Ord2, "Open orders cancel through support.");
        builder.Configure(Phase.Busy).SubstateOf(Phase.Open).PermitIf(Signal.Cancel, Phase.Done, TestGuards.Approved);

        var definition = builder.Build();

        AssertAccepted(definition.TryFire(Phase.Busy, Signal.Cancel, Facts.Of(2)), TransitionKind.Transition, Phase.Done);
        var refusal = AssertRefused(definition.TryFire(Phase.Busy, Signal.Cancel, Facts.None), RefusalKind.Forbidden);
        Assert.Equal(Phase.Busy, refusal.State);
        Assert.Equal(RuleIds.Ord2, refusal.RuleId);
    }

    [Fact]
    public void Inheritance_ReachesEveryAncestor()
    {
        var builder = TestGuards.Builder();
        builder.Configure(Phase.Draft).Permit(Signal.Cancel, Phase.Done).PermitReentry(Signal.Touch);
        builder.Configure(Phase.Open).SubstateOf(Phase.Draft);
        builder.Configure(Phase.Busy).SubstateOf(Phase.Open).InternalTransition(Signal.Poll);

        var definition = builder.Build();

        AssertAccepted(definition.TryFire(Phase.Busy, Signal.Cancel, Facts.None), TransitionKind.Transition, Phase.Done);
        AssertAccepted(definition.TryFire(Phase.Busy, Signal.Touch, Facts.None), TransitionKind.Reentry, Phase.Draft);
        AssertRefused(definition.TryFire(Phase.Open, Signal.Poll, Facts.None), RefusalKind.NotPermitted);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void UndefinedStateValue_IsNotPermitted(int value)
    {
        var refusal = AssertRefused(Nested.TryFire((Phase)value, Signal.Submit, Facts.All), RefusalKind.NotPermitted);

        Assert.Equal((Phase)value, refusal.State);
        Assert.Equal(RuleIds.Ord1, refusal.RuleId);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void UndefinedTriggerValue_IsNotPermitted(int value)
        => AssertRefused(Nested.TryFire(Phase.Open, (Signal)value, Facts.All), RefusalKind.NotPermitted);

    [Fact]
    public void DefinedButUnconfiguredState_IsNotPermitted()
        => AssertRefused(Nested.TryFire(Phase.Archived, Signal.Cancel, Facts.All), RefusalKind.NotPermitted);

    [Fact]
    public void Fire_ReturnsTheAcceptedResult()
        => AssertAccepted(Nested.Fire(Phase.Busy, Signal.Pause, Facts.None), TransitionKind.Transition, Phase.Waiting);

    [Fact]
    public void Fire_ThrowsWorkflowRefusedExceptionForAGuardRefusal()
    {
        var ex = Assert.Throws<WorkflowRefusedException>(() => Nested.Fire(Phase.Draft, Signal.Start, Facts.None));

        Assert.IsAssignableFrom<RuleViolationException>(ex);
        Assert.Equal(RuleIds.Ord7, ex.RuleId);
        Assert.Equal(Phase.Draft, ex.State);
        Assert.Equal(Signal.Start, ex.Trigger);
        Assert.Equal(RefusalKind.GuardFailed, ex.Kind);
        Assert.Equal("Paid", ex.GuardName);
        Assert.Equal(Nested.TryFire(Phase.Draft, Signal.Start, Facts.None).Refusal.Reason, ex.Message);
    }

    [Fact]
    public void Fire_ThrowsForForbiddenAndNotPermitted()
    {
        var forbidden = Assert.Throws<WorkflowRefusedException>(() => Nested.Fire(Phase.Busy, Signal.Touch, Facts.None));
        Assert.Equal((RefusalKind.Forbidden, "ORD-7", (Enum)Phase.Busy), (forbidden.Kind, forbidden.GuardName, forbidden.State));

        var unhandled = Assert.Throws<WorkflowRefusedException>(() => Nested.Fire((Phase)99, Signal.Touch, Facts.None));
        Assert.Equal(RefusalKind.NotPermitted, unhandled.Kind);
        Assert.Null(unhandled.GuardName);
        Assert.Equal(RuleIds.Ord1, unhandled.RuleId);
    }

    [Fact]
    public void Refusal_OfAnAcceptedResult_Throws()
    {
        var result = Nested.TryFire(Phase.Draft, Signal.Submit, Facts.None);

        var ex = Assert.Throws<InvalidOperationException>(() => result.Refusal);
        Assert.Contains("'Submit'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Draft'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedResult_ToStringIsTheRefusal()
    {
        var result = Nested.TryFire(Phase.Draft, Signal.Cancel, Facts.None);

        Assert.Equal(result.Refusal.ToString(), result.ToString());
    }

    [Fact]
    public void Guards_SeeTheContextPassedIn()
    {
        var seen = new List<int>();
        var spy = new WorkflowGuard<Facts>("Spy", default, "Spied.", (in Facts facts) =>
        {
            seen.Add(facts.Flags);
            return facts.Flags > 10;
        });
        var builder = TestGuards.Builder();
        builder.Configure(Phase.Open).PermitIf(Signal.Start, Phase.Busy, spy);
        var definition = builder.Build();

        Assert.True(definition.TryFire(Phase.Open, Signal.Start, new Facts(11)).IsAccepted);
        Assert.True(definition.TryFire(Phase.Open, Signal.Start, new Facts(3)).IsRefused);
        Assert.Equal([11, 3], seen);
    }

    [Fact]
    public void TryFire_DoesNotAllocate()
    {
        var context = Facts.Of(1);
        _ = Nested.TryFire(Phase.Busy, Signal.Finish, context);
        _ = Nested.TryFire(Phase.Draft, Signal.Start, context);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var accepted = 0;
        for (var i = 0; i < 1000; i++)
        {
            accepted += Nested.TryFire(Phase.Busy, Signal.Finish, context).IsAccepted ? 1 : 0;
            accepted += Nested.TryFire(Phase.Draft, Signal.Start, context).IsAccepted ? 1 : 0;
            accepted += Nested.TryFire(Phase.Draft, Signal.Cancel, context).IsAccepted ? 1 : 0;
            accepted += Nested.TryFire((Phase)99, Signal.Cancel, context).IsAccepted ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, accepted);
    }

    [Fact]
    [Trait("Rule", "ORD-1")]
    public void AcceptedTransitions_OnlyMoveAlongTheTable()
    {
        foreach (var state in Enum.GetValues<Phase>())
        {
            foreach (var trigger in Enum.GetValues<Signal>())
            {
                foreach (var facts in new[] { Facts.None, Facts.Of(0), Facts.Of(1), Facts.Of(2), Facts.All })
                {
                    var result = Nested.TryFire(state, trigger, facts);
                    if (result.Kind is TransitionKind.Transition or TransitionKind.Reentry)
                    {
                        Assert.Contains(Nested.Transitions, row => row.Trigger == trigger && row.Kind == result.Kind
                            && row.Destination == result.Destination && Nested.IsInState(state, row.Source));
                    }
                    else
                    {
                        Assert.Equal(state, result.Destination);
                    }
                }
            }
        }
    }

    [Fact]
    public void ByteShortLongAndNegativeEnums_Fire()
    {
        AssertUnderlyingTypeWorks(ByteState.Low, ByteState.High, (ByteState)7, ByteTrigger.Go, (ByteTrigger)200);
        AssertUnderlyingTypeWorks(ShortState.Low, ShortState.High, (ShortState)(-7), ShortTrigger.Go, (ShortTrigger)999);
        AssertUnderlyingTypeWorks(LongState.Low, LongState.High, (LongState)long.MinValue, LongTrigger.Go, (LongTrigger)long.MaxValue);
        AssertUnderlyingTypeWorks(NegativeState.Low, NegativeState.High, (NegativeState)0, NegativeTrigger.Go, (NegativeTrigger)(-1));
    }

    private static void AssertUnderlyingTypeWorks<TState, TTrigger>(TState low, TState high, TState undefinedState, TTrigger go, TTrigger undefinedTrigger)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var back = Enum.GetValues<TTrigger>().Single(t => !t.Equals(go));
        var definition = new WorkflowBuilder<TState, TTrigger, Facts>("typed").StartAt(low)
            .Configure(low).Permit(go, high).PermitReentry(back)
            .Configure(high).PermitIf(back, low, TestGuards.Paid)
            .Build();

        var moved = definition.TryFire(low, go, Facts.None);
        Assert.Equal((TransitionKind.Transition, high), (moved.Kind, moved.Destination));
        Assert.Equal(TransitionKind.Reentry, definition.TryFire(low, back, Facts.None).Kind);
        Assert.Equal(low, definition.TryFire(high, back, Facts.Of(0)).Destination);
        Assert.Equal(RefusalKind.GuardFailed, definition.TryFire(high, back, Facts.None).Refusal.Kind);
        Assert.Equal(RefusalKind.NotPermitted, definition.TryFire(high, go, Facts.All).Refusal.Kind);
        Assert.Equal(RefusalKind.NotPermitted, definition.TryFire(undefinedState, go, Facts.All).Refusal.Kind);
        Assert.Equal(RefusalKind.NotPermitted, definition.TryFire(low, undefinedTrigger, Facts.All).Refusal.Kind);
        Assert.Equal([go, back], definition.GetPermittedTriggers(low, Facts.None));
        Assert.Equal([back], definition.GetPermittedTriggers(high, Facts.Of(0)));
        Assert.Empty(definition.GetPermittedTriggers(undefinedState, Facts.All));
    }

    private enum ByteState : byte
    {
        Low = 3,
        High = 255,
    }

    private enum ByteTrigger : byte
    {
        Go = 0,
        Back = 128,
    }

    private enum ShortState : short
    {
        Low = short.MinValue,
        High = short.MinValue + 100,
    }

    private enum ShortTrigger : short
    {
        Go = -2,
        Back = 2,
    }

    private enum LongState : long
    {
        Low = long.MaxValue - 10,
        High = long.MaxValue,
    }

    private enum LongTrigger : long
    {
        Go = long.MinValue,
        Back = long.MinValue + 1,
    }

    private enum NegativeState
    {
        Low = -20,
        High = -5,
    }

    private enum NegativeTrigger
    {
        Go = -3,
        Back = -2,
    }
}

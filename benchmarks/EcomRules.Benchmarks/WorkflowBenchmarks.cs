using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using EcomRules.Workflow;
using Stateless;

namespace EcomRules.Benchmarks;

/// <summary>
/// The workflow engine against a hand-written switch baseline on an order-shaped workflow (issue 2 targets:
/// Fire ≤ 3× the baseline and 0 B allocated), with the same workflow in Stateless as a second baseline (issue 20):
/// every CI run re-measures how far ahead of Stateless the engine is. Each benchmark runs <see cref="Ops"/> operations
/// per invoke so that nanosecond costs are measured above the harness's resolution. Our engine and the hand-written
/// switch must allocate nothing (<c>[AllocationCeiling(0)]</c> rather than <see cref="Categories.ZeroAlloc"/>, so
/// that each group's categories, and so its table and ratios, are the same for the three sides).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WorkflowBenchmarks
{
    private const int Ops = 1024;

    private static readonly WorkflowGuard<Paperwork> PaperworkComplete = new(
        "PaperworkComplete", RuleIds.Ord7, "Nothing ships without payment, delivery note and invoice.",
        static (in Paperwork p) => p.Paid && p.DeliveryNote && p.Invoice);

    private static readonly WorkflowDefinition<State, Trigger, Paperwork> Definition = new WorkflowBuilder<State, Trigger, Paperwork>("order")
        .StartAt(State.Placed)
        .OnUnhandledTrigger(RuleIds.Ord1, "an order only moves along the ORD-1 table.")
        .Configure(State.Open).Permit(Trigger.Cancel, State.Cancelled)
        .Configure(State.Placed).SubstateOf(State.Open).Permit(Trigger.Pay, State.Paid)
        .Configure(State.Paid).SubstateOf(State.Open).Permit(Trigger.Confirm, State.Confirmed).Ignore(Trigger.Pay)
        .Configure(State.Confirmed).SubstateOf(State.Open).Permit(Trigger.Allocate, State.Allocated)
        .Configure(State.Allocated).SubstateOf(State.Open).Permit(Trigger.Invoice, State.Invoiced)
        .Configure(State.Invoiced).SubstateOf(State.Open).PermitIf(Trigger.Ship, State.Shipped, PaperworkComplete)
        .Configure(State.Shipped).SubstateOf(State.Open).Permit(Trigger.Receive, State.Received)
        .Configure(State.Received).Permit(Trigger.Complete, State.Completed)
        .Configure(State.Completed)
        .Configure(State.Cancelled)
        .Build();

    private static readonly (State State, Trigger Trigger)[] Lifecycle =
    [
        (State.Placed, Trigger.Pay), (State.Paid, Trigger.Confirm), (State.Confirmed, Trigger.Allocate),
        (State.Allocated, Trigger.Invoice), (State.Invoiced, Trigger.Ship), (State.Shipped, Trigger.Receive),
    ];

    // Inputs come from arrays indexed by the loop counter so that neither side can be constant-folded or hoisted.
    private static readonly (State State, Trigger Trigger)[] Direct =
    [
        (State.Placed, Trigger.Pay), (State.Paid, Trigger.Confirm), (State.Confirmed, Trigger.Allocate),
        (State.Allocated, Trigger.Invoice), (State.Shipped, Trigger.Receive), (State.Received, Trigger.Complete),
        (State.Placed, Trigger.Cancel), (State.Shipped, Trigger.Cancel),
    ];

    // The guarded row, read from an array like every other input; the contexts alternate allow / refuse.
    private static readonly (State State, Trigger Trigger)[] GuardedRow = [(State.Invoiced, Trigger.Ship), (State.Invoiced, Trigger.Ship)];

    private static readonly Paperwork[] Contexts = [new(true, true, true), new(true, true, false)];

    private static readonly State[] PermittedStates =
        [State.Placed, State.Paid, State.Confirmed, State.Allocated, State.Invoiced, State.Shipped, State.Received, State.Completed];

    private readonly Trigger[] _buffer = new Trigger[16];
    private readonly Paperwork _complete = new(true, true, true);

    // The Stateless machine keeps its state and its guard's context in these fields, so one configured machine serves
    // every operation, as one definition does on our side.
    private readonly StateMachine<State, Trigger> _stateless;
    private State _statelessState;
    private Paperwork _statelessContext;
    private bool _statelessRefused;

    /// <summary>Configures the Stateless machine: the same table as <see cref="Definition"/>.</summary>
    public WorkflowBenchmarks()
    {
        _stateless = new StateMachine<State, Trigger>(() => _statelessState, s => _statelessState = s, FiringMode.Immediate);
        _stateless.OnUnhandledTrigger((_, _, _) => _statelessRefused = true); // a refusal, as TryFire reports it: no exception
        _stateless.Configure(State.Open).Permit(Trigger.Cancel, State.Cancelled);
        _stateless.Configure(State.Placed).SubstateOf(State.Open).Permit(Trigger.Pay, State.Paid);
        _stateless.Configure(State.Paid).SubstateOf(State.Open).Permit(Trigger.Confirm, State.Confirmed).Ignore(Trigger.Pay);
        _stateless.Configure(State.Confirmed).SubstateOf(State.Open).Permit(Trigger.Allocate, State.Allocated);
        _stateless.Configure(State.Allocated).SubstateOf(State.Open).Permit(Trigger.Invoice, State.Invoiced);
        _stateless.Configure(State.Invoiced).SubstateOf(State.Open)
            .PermitIf(Trigger.Ship, State.Shipped, () => _statelessContext.Paid && _statelessContext.DeliveryNote && _statelessContext.Invoice, "ORD-7");
        _stateless.Configure(State.Shipped).SubstateOf(State.Open).Permit(Trigger.Receive, State.Received);
        _stateless.Configure(State.Received).Permit(Trigger.Complete, State.Completed);
        _stateless.Configure(State.Completed);
        _stateless.Configure(State.Cancelled);
    }

    /// <summary>Order-shaped states; <see cref="Open"/> is the superstate that carries Cancel (ORD-2).</summary>
    public enum State
    {
        Open, Placed, Paid, Confirmed, Allocated, Invoiced, Shipped, Received, Completed, Cancelled,
    }

    /// <summary>Order-shaped triggers.</summary>
    public enum Trigger
    {
        Pay, Confirm, Allocate, Invoice, Ship, Receive, Complete, Cancel,
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "Fire")]
    [AllocationCeiling(0)]
    public State FireBaseline()
    {
        var sum = State.Open;
        for (var i = 0; i < Ops; i++)
        {
            var (state, trigger) = Direct[i & 7];
            sum ^= Baseline.Fire(state, trigger, in _complete).Destination;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "Fire")]
    [AllocationCeiling(0)]
    public State Fire()
    {
        var sum = State.Open;
        for (var i = 0; i < Ops; i++)
        {
            var (state, trigger) = Direct[i & 7];
            sum ^= Definition.TryFire(state, trigger, in _complete).Destination;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "Fire")]
    public State FireStateless()
    {
        var sum = State.Open;
        _statelessContext = _complete;
        for (var i = 0; i < Ops; i++)
        {
            var (state, trigger) = Direct[i & 7];
            sum ^= StatelessFire(state, trigger);
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "GuardedFire")]
    [AllocationCeiling(0)]
    public State GuardedFireBaseline()
    {
        var sum = State.Open;
        for (var i = 0; i < Ops; i++)
        {
            var (state, trigger) = GuardedRow[i & 1];
            sum ^= Baseline.Fire(state, trigger, in Contexts[i & 1]).Destination;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "GuardedFire")]
    [AllocationCeiling(0)]
    public State GuardedFire()
    {
        var sum = State.Open;
        for (var i = 0; i < Ops; i++)
        {
            var (state, trigger) = GuardedRow[i & 1];
            sum ^= Definition.TryFire(state, trigger, in Contexts[i & 1]).Destination;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "GuardedFire")]
    public State GuardedFireStateless()
    {
        var sum = State.Open;
        for (var i = 0; i < Ops; i++)
        {
            var (state, trigger) = GuardedRow[i & 1];
            _statelessContext = Contexts[i & 1];
            sum ^= StatelessFire(state, trigger);
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "Lifecycle6")]
    [AllocationCeiling(0)]
    public State LifecycleBaseline()
    {
        var state = State.Placed;
        for (var i = 0; i < Ops; i++)
        {
            state = State.Placed;
            foreach (var (_, trigger) in Lifecycle)
            {
                state = Baseline.Fire(state, trigger, in _complete).Destination;
            }
        }

        return state;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "Lifecycle6")]
    [AllocationCeiling(0)]
    public State Lifecycle6()
    {
        var state = State.Placed;
        for (var i = 0; i < Ops; i++)
        {
            state = State.Placed;
            foreach (var (_, trigger) in Lifecycle)
            {
                state = Definition.Fire(state, trigger, in _complete).Destination;
            }
        }

        return state;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "Lifecycle6")]
    public State Lifecycle6Stateless()
    {
        _statelessContext = _complete;
        for (var i = 0; i < Ops; i++)
        {
            _statelessState = State.Placed;
            foreach (var (_, trigger) in Lifecycle)
            {
                _stateless.Fire(trigger);
            }
        }

        return _statelessState;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "PermittedTriggers")]
    [AllocationCeiling(0)]
    public int PermittedTriggersBaseline()
    {
        var total = 0;
        for (var i = 0; i < Ops; i++)
        {
            total += Baseline.PermittedTriggers(PermittedStates[i & 7], in _complete, _buffer);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "PermittedTriggers")]
    [AllocationCeiling(0)]
    public int PermittedTriggers()
    {
        var total = 0;
        for (var i = 0; i < Ops; i++)
        {
            total += Definition.GetPermittedTriggers(PermittedStates[i & 7], in _complete, _buffer);
        }

        return total;
    }

    /// <summary>Stateless's permitted triggers: the asynchronous API, since 5.20 obsoletes the synchronous one.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    [BenchmarkCategory(Categories.Ci, "PermittedTriggers")]
    public int PermittedTriggersStateless()
    {
        var total = 0;
        _statelessContext = _complete;
        for (var i = 0; i < Ops; i++)
        {
            _statelessState = PermittedStates[i & 7];
            total += _stateless.GetPermittedTriggersAsync().GetAwaiter().GetResult().Count();
        }

        return total;
    }

    /// <summary>Fires one trigger on the Stateless machine from <paramref name="state"/>; a refusal leaves the state.</summary>
    private State StatelessFire(State state, Trigger trigger)
    {
        _statelessState = state;
        _statelessRefused = false;
        _stateless.Fire(trigger);
        return _statelessRefused ? state : _statelessState;
    }

    /// <summary>The context guards look at.</summary>
    public readonly record struct Paperwork(bool Paid, bool DeliveryNote, bool Invoice);

    /// <summary>The same workflow written by hand as a switch: what a careful engineer would write without an engine.</summary>
    private static class Baseline
    {
        private static readonly Trigger[] AllTriggers = Enum.GetValues<Trigger>();

        public static (State Destination, bool Accepted) Fire(State state, Trigger trigger, in Paperwork paperwork)
        {
            switch (state, trigger)
            {
                case (State.Placed, Trigger.Pay): return (State.Paid, true);
                case (State.Paid, Trigger.Confirm): return (State.Confirmed, true);
                case (State.Paid, Trigger.Pay): return (State.Paid, true);
                case (State.Confirmed, Trigger.Allocate): return (State.Allocated, true);
                case (State.Allocated, Trigger.Invoice): return (State.Invoiced, true);
                case (State.Invoiced, Trigger.Ship):
                    return paperwork.Paid && paperwork.DeliveryNote && paperwork.Invoice ? (State.Shipped, true) : (state, false);
                case (State.Shipped, Trigger.Receive): return (State.Received, true);
                case (State.Received, Trigger.Complete): return (State.Completed, true);
                case (State.Placed or State.Paid or State.Confirmed or State.Allocated or State.Invoiced or State.Shipped, Trigger.Cancel):
                    return (State.Cancelled, true);
                default: return (state, false);
            }
        }

        public static int PermittedTriggers(State state, in Paperwork paperwork, Span<Trigger> destination)
        {
            var count = 0;
            foreach (var trigger in AllTriggers)
            {
                if (Fire(state, trigger, in paperwork).Accepted)
                {
                    destination[count++] = trigger;
                }
            }

            return count;
        }
    }
}

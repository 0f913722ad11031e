using EcomRules.Commands;
using EcomRules.Complaints;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Processing;
using EcomRules.Returns;
using EcomRules.Testing;
using EcomRules.Tests.Processing;
using NodaTime;

namespace EcomRules.Tests.Complaints;

/// <summary>An in-memory engine with the fake ports, a dispatcher and a scheduler (<see cref="ProcessingFixture"/>), and helpers for complaints.</summary>
internal sealed class ComplaintFixture
{
    internal static readonly Actor Buyer = new("buyer-1", ActorRole.Customer);
    internal static readonly Actor Service = new("cs-1", ActorRole.CustomerService);
    internal static readonly Actor Head = new("head-1", ActorRole.ServiceDepartmentHead);
    internal static readonly Actor Warehouse = new("wh-1", ActorRole.Warehouse);
    internal static readonly Instant T0 = ProcessingFixture.T0;

    /// <summary>When the order of <see cref="ReceivedAsync"/> is signed for.</summary>
    internal static readonly Instant Received = T0 + Duration.FromDays(1);

    private int _next;

    internal ComplaintFixture() => P = new ProcessingFixture(Store);

    internal InMemoryEcomStore Store { get; } = new();

    internal ProcessingFixture P { get; }

    internal EcomEngine Engine => P.Engine;

    internal FakeNotifier Notifier => P.Notifier;

    internal CommandId NextId() => new("k" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An order allocated, invoiced and shipped through the fake ports, and signed for at <see cref="Received"/>.</summary>
    internal async Task<OrderId> ReceivedAsync(string id)
    {
        await TimerHandlerRegistryTests.ReceivedAsync(P, id);
        return new OrderId(id);
    }

    internal Task<Decision> Run(EcomCommand command) => Engine.ExecuteAsync(command).AsTask();

    internal async Task<Decision> Ok(EcomCommand command)
    {
        var decision = await Engine.ExecuteAsync(command);
        Assert.True(decision.IsAccepted, $"{command.Action} refused: {decision.RuleId} {decision.Reason}");
        return decision;
    }

    internal async Task<Decision> Refused(RuleId rule, EcomCommand command)
    {
        var before = await Store.LoadAsync(command.Target);
        var decision = await Engine.ExecuteAsync(command);
        Assert.True(decision.IsRefused, $"{command.Action} was accepted");
        Assert.Equal(rule, decision.RuleId);
        Assert.Equal(before, await Store.LoadAsync(command.Target)); // a refusal changes nothing
        return decision;
    }

    internal FileComplaint File(string number, OrderId order, Instant at, ReturnCaseId? returnCase = null, bool special = false, string demand = "Refund the damaged kettle")
        => new(NextId(), Buyer, at, new ComplaintId(number), order, returnCase, demand, special);

    internal async Task<Complaint> Get(ComplaintId id) => (Complaint)(await Store.LoadAsync(id.Key))!.State;

    internal Task DrainAsync(Instant now) => P.DrainAsync(now);

    /// <summary>Fires every timer due by <paramref name="now"/>.</summary>
    internal async Task FireTimersAsync(Instant now)
    {
        for (var i = 0; i < 20 && await P.Scheduler.RunOnceAsync("test", now) > 0; i++)
        {
        }
    }
}

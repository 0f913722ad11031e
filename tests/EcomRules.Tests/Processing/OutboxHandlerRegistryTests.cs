using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Processing;
using EcomRules.Refunds.Events;
using EcomRules.Returns.Events;
using EcomRules.Testing;
using EcomRules.Tests.Orders;
using NodaTime;
using static EcomRules.Tests.Processing.ProcessingFixture;

namespace EcomRules.Tests.Processing;

/// <summary>Each module registers how its outbox messages reach the ports; the dispatcher knows no module.</summary>
public sealed class OutboxHandlerRegistryTests
{
    [Fact]
    public void The_built_in_modules_register_every_event_with_an_effect_outside_their_module()
        => Assert.Equal(
            new[] { typeof(CreditNoteRequested), typeof(CustomerNotificationRequested), typeof(InvoiceRequested), typeof(ReplacementShipmentRequested), typeof(ShipmentRequested), typeof(SlaWarningRaised), typeof(EcomRules.Commands.StaffNotificationRequested), typeof(FollowUpVisitRequested), typeof(ReturnArchived),
                typeof(EcomRules.Orders.Events.MerchantDispatchedLate), typeof(EcomRules.Complaints.Events.ComplaintUpheldAgainstMerchant) }
                .Select(t => t.FullName).Order(StringComparer.Ordinal),
            EcomModules.OutboxHandlers.EventTypes.Select(t => t.FullName));

    [Fact]
    public void An_event_type_has_one_handler()
        => Assert.Throws<ArgumentException>(() => EcomModules.OutboxHandlers.Add<InvoiceRequested>(static (_, _, _) => ValueTask.FromResult(true)));

    [Fact]
    [Trait("Rule", "ORD-4")]
    public async Task A_dispatcher_delivers_through_the_registry_it_is_given_and_completes_what_has_no_handler()
    {
        var store = new InMemoryEcomStore();
        var f = new ProcessingFixture(store);
        var texts = new List<string>();
        var onlyTexts = OutboxHandlerRegistry.Empty.Add<CustomerNotificationRequested>((delivery, e, _) =>
        {
            texts.Add($"{delivery.IdempotencyKey}: {e.Template}");
            return ValueTask.FromResult(true);
        });
        var dispatcher = new OutboxDispatcher(store, f.Engine, f.Invoices, new CarrierRouter([f.Sf]), f.Notifier, onlyTexts, null);
        await f.AllocatedAsync("o1");
        await f.RunAsync(new CancelOrder(new("o1/cancel"), OrderScenario.Customer, T0 + Duration.FromHours(1), new OrderId("o1")));

        while (await dispatcher.RunOnceAsync("d", T0 + Duration.FromHours(2)) > 0)
        {
        }

        // The invoice had no handler here: completed without a call; the cancellation's text went to our handler only.
        Assert.Empty(f.Invoices.Issued);
        Assert.Empty(f.Notifier.Sent);
        Assert.Equal("order-cancelled", Assert.Single(texts).Split(": ")[1]);
        Assert.Equal(0, (await store.GetOutboxStatisticsAsync()).Pending);
    }
}

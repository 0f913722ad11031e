using EcomRules.Workflow;

namespace EcomRules.Orders;

/// <summary>
/// The order lifecycle of ORD-1 as one immutable transition table, shared by every order: placed → paid →
/// confirmed → allocated → invoiced → shipped → received → completed, and cancelled from any state before receipt
/// (ORD-2). The README's diagram is generated from <see cref="Definition"/>.
/// </summary>
public static class OrderWorkflow
{
    /// <summary>ORD-7: nothing ships without payment, delivery note and invoice.</summary>
    public static WorkflowGuard<OrderFacts> PaperworkComplete { get; } = new(
        "PaperworkComplete", RuleIds.Ord7,
        "nothing ships without payment, a delivery note and an invoice; the warehouse refuses release.",
        static (in OrderFacts f) => f.IsPaid && f.HasDeliveryNote && f.HasInvoice);

    /// <summary>ORD-1: an order completes when the return window has closed with no open return.</summary>
    public static WorkflowGuard<OrderFacts> ReturnWindowClosed { get; } = new(
        "ReturnWindowClosed", RuleIds.Ord1,
        "an order completes only when its return window has closed with no open return.",
        static (in OrderFacts f) => f.ReturnWindowClosed && f.OpenReturns == 0);

    /// <summary>Gets the order workflow.</summary>
    public static WorkflowDefinition<OrderState, OrderTrigger, OrderFacts> Definition { get; } =
        new WorkflowBuilder<OrderState, OrderTrigger, OrderFacts>("order")
            .StartAt(OrderState.Placed)
            .OnUnhandledTrigger(RuleIds.Ord1, "an order moves only along its lifecycle: placed, paid, confirmed, allocated, invoiced, shipped, received, completed.")
            .Configure(OrderState.Cancellable)
                .Permit(OrderTrigger.Cancel, OrderState.Cancelled) // ORD-2: any time before receipt
                .Refuse(OrderTrigger.Ship, RuleIds.Ord7, "nothing ships without payment, a delivery note and an invoice; the warehouse refuses release.")
            .Configure(OrderState.Placed).SubstateOf(OrderState.Cancellable)
                .Permit(OrderTrigger.Pay, OrderState.Paid)
            .Configure(OrderState.Paid).SubstateOf(OrderState.Cancellable)
                .Permit(OrderTrigger.Confirm, OrderState.Confirmed)
                .Refuse(OrderTrigger.Pay, RuleIds.Ord1, "the order is already paid; an order is paid once.")
            .Configure(OrderState.Confirmed).SubstateOf(OrderState.Cancellable)
                .Permit(OrderTrigger.Allocate, OrderState.Allocated)
            .Configure(OrderState.Allocated).SubstateOf(OrderState.Cancellable)
                .Permit(OrderTrigger.Invoice, OrderState.Invoiced)
            .Configure(OrderState.Invoiced).SubstateOf(OrderState.Cancellable)
                .PermitIf(OrderTrigger.Ship, OrderState.Shipped, PaperworkComplete)
            .Configure(OrderState.Shipped).SubstateOf(OrderState.Cancellable)
                .Permit(OrderTrigger.Receive, OrderState.Received)
                .InternalTransition(OrderTrigger.Track)
                .InternalTransition(OrderTrigger.ReportLogistics)
                .Ignore(OrderTrigger.Ship) // a repeated pickup scan changes nothing
            .Configure(OrderState.Received)
                .PermitIf(OrderTrigger.Complete, OrderState.Completed, ReturnWindowClosed)
                .InternalTransition(OrderTrigger.ReportLogistics)
                .Ignore(OrderTrigger.Receive)
                .Refuse(OrderTrigger.Cancel, RuleIds.Ord2, "the buyer has signed for receipt; cancelling is no longer possible, ask for a return (RET-1).")
            .Configure(OrderState.Completed)
                .InternalTransition(OrderTrigger.ReportLogistics)
                .Refuse(OrderTrigger.Cancel, RuleIds.Ord2, "the order is completed; cancelling is no longer possible.")
            .Configure(OrderState.Cancelled)
                .Ignore(OrderTrigger.Cancel)
            .Build();
}

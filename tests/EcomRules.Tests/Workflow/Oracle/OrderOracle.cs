using EcomRules.Orders;

namespace EcomRules.Tests.Workflow.Oracle;

/// <summary>
/// The order lifecycle configured in Stateless by hand from RULES.md (ORD-1, ORD-2, ORD-4, ORD-7, SLA-5, CAR-3) and
/// the README's order diagram — not generated from <see cref="OrderWorkflow"/>, so the two can disagree.
/// </summary>
internal static class OrderOracle
{
    public static StatelessOracle<OrderState, OrderTrigger, OrderFacts> Create()
    {
        var oracle = new StatelessOracle<OrderState, OrderTrigger, OrderFacts>(RefusalRule);

        // ORD-7: the warehouse releases nothing without payment, delivery note and invoice.
        var paperwork = oracle.Guard(f => f.IsPaid && f.HasDeliveryNote && f.HasInvoice);

        // ORD-1: completion when the return window has closed with no open return.
        var windowClosed = oracle.Guard(f => f.ReturnWindowClosed && f.OpenReturns == 0);

        var machine = oracle.Machine;

        // ORD-2: the buyer may cancel at any point before signing for receipt.
        machine.Configure(OrderState.Cancellable)
            .Permit(OrderTrigger.Cancel, OrderState.Cancelled);

        // ORD-1: placed → paid → confirmed → allocated → invoiced → shipped → received → completed.
        machine.Configure(OrderState.Placed).SubstateOf(OrderState.Cancellable)
            .Permit(OrderTrigger.Pay, OrderState.Paid);
        machine.Configure(OrderState.Paid).SubstateOf(OrderState.Cancellable)
            .Permit(OrderTrigger.Confirm, OrderState.Confirmed);
        machine.Configure(OrderState.Confirmed).SubstateOf(OrderState.Cancellable)
            .Permit(OrderTrigger.Allocate, OrderState.Allocated);
        machine.Configure(OrderState.Allocated).SubstateOf(OrderState.Cancellable)
            .Permit(OrderTrigger.Invoice, OrderState.Invoiced);
        machine.Configure(OrderState.Invoiced).SubstateOf(OrderState.Cancellable)
            .PermitIf(OrderTrigger.Ship, OrderState.Shipped, paperwork, "ORD-7");

        // ORD-4 / CAR-3: tracking events flow back without moving the order; a repeated pickup scan changes nothing;
        // SLA-5: logistics details are reported the next working day, whatever the order has reached by then.
        machine.Configure(OrderState.Shipped).SubstateOf(OrderState.Cancellable)
            .Permit(OrderTrigger.Receive, OrderState.Received)
            .InternalTransition(OrderTrigger.Track, oracle.Internal)
            .InternalTransition(OrderTrigger.ReportLogistics, oracle.Internal)
            .Ignore(OrderTrigger.Ship);

        // Received is outside Cancellable: after signing for receipt the buyer asks for a return instead (ORD-2, RET-1).
        machine.Configure(OrderState.Received)
            .PermitIf(OrderTrigger.Complete, OrderState.Completed, windowClosed, "ORD-1")
            .InternalTransition(OrderTrigger.ReportLogistics, oracle.Internal)
            .Ignore(OrderTrigger.Receive);
        machine.Configure(OrderState.Completed)
            .InternalTransition(OrderTrigger.ReportLogistics, oracle.Internal);

        // A repeated cancellation of a cancelled order is harmless.
        machine.Configure(OrderState.Cancelled)
            .Ignore(OrderTrigger.Cancel);
        return oracle;
    }

    /// <summary>The rule a refused order trigger cites: a failed guard's own rule, else the catalogue's reason.</summary>
    private static string RefusalRule(OrderState state, OrderTrigger trigger, string? failedGuard) => (state, trigger) switch
    {
        _ when failedGuard is not null => failedGuard,
        (OrderState.Received or OrderState.Completed, OrderTrigger.Cancel) => "ORD-2",
        (< OrderState.Shipped, OrderTrigger.Ship) => "ORD-7", // Cancellable (0) and every state before shipping
        _ => "ORD-1",
    };
}

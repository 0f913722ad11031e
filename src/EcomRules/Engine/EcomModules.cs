using System.Collections.Immutable;
using EcomRules.Access;
using EcomRules.Commands;
using EcomRules.Complaints;
using EcomRules.Ledgers;
using EcomRules.Merchants;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Stock;
using EcomRules.Refunds;
using EcomRules.Returns;

namespace EcomRules.Engine;

/// <summary>
/// EcomRules' own modules, composed in the application layer: the one place that lists them. Each module registers what
/// it schedules and how it takes part in other modules' commands; the kernel and the modules never list each other.
/// </summary>
public static class EcomModules
{
    /// <summary>
    /// Gets the handlers of every timer the built-in modules schedule: orders (auto-completion, dispatch deadline, SLA-1..5
    /// warnings and breaches), return cases (SLA-6 and SLA-7 warnings and breaches), the daily sales ledger (FIN-1),
    /// administrator rosters (SEC-4 credential rotation), deliveries (the WH-2 stock-in deadline), complaints and follow-up visits (SLA-6, ORD-5) and merchants (MER-1 re-review lapse, MER-4 permission decision breach).
    /// </summary>
    public static TimerHandlerRegistry TimerHandlers { get; } =
        ComplaintTimers.Register(StockTimers.Register(MerchantTimers.Register(AccessTimers.Register(LedgerTimers.Register(ReturnTimers.Register(OrderTimers.Register(TimerHandlerRegistry.Empty)))))));

    /// <summary>
    /// Gets the handlers of every outbox message with an effect outside the library: invoices, shipments, customer
    /// notifications and SLA warnings (orders), replacement shipments (returns), credit notes (refunds) any module's message to a role (such as WH-4's low-stock alert), and the complaints module's reactions (a complaint closes with its return case, AFS-1; a completed order's follow-up visit opens, ORD-5).
    /// </summary>
    public static OutboxHandlerRegistry OutboxHandlers { get; } = ComplaintOutbox.Register(StaffNotificationOutbox.Register(RefundOutbox.Register(ReturnOutbox.Register(OrderOutbox.Register(OutboxHandlerRegistry.Empty)))));

    /// <summary>
    /// Gets each module's default permissions (SEC-2): who may issue its commands. The engine's own recomputation of
    /// provisional deadlines is the system's.
    /// </summary>
    internal static ImmutableArray<Func<CommandPermissions, EcomPolicy, CommandPermissions>> Permissions { get; } =
    [
        OrderPermissions.Register,
        ReturnPermissions.Register,
        RefundPermissions.Register,
        StockPermissions.Register,
        LedgerPermissions.Register,
        MerchantPermissions.Register,
        ComplaintPermissions.Register,
        AccessPermissions.Register,
        static (table, _) => table.Allow<RecomputeDeadlines>(ActorRole.System),
    ];

    /// <summary>Gets the modules' parts in other modules' commands, in the order they join.</summary>
    internal static ImmutableArray<DecisionParticipant> Participants { get; } = [new CancellationRefund(), StockParticipant.Instance];
}

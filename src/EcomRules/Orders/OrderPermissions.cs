using EcomRules.Commands;
using EcomRules.Policies;

namespace EcomRules.Orders;

/// <summary>
/// Who may issue the order commands (SEC-2), registered in <see cref="Engine.EcomEngine.Permissions"/>. The buyer places,
/// pays and cancels (ORD-2); sales and service staff enter and confirm (SLA-1, SLA-2); the warehouse allocates and
/// ships (WH-3, SLA-4); carriers report tracking (CAR-3); the system (integrations, the outbox dispatcher, timers) may
/// do what its integrations do, and alone fires deadlines and completion (ORD-1, ORD-3).
/// </summary>
internal static class OrderPermissions
{
    /// <summary>Adds the order commands' defaults.</summary>
    public static CommandPermissions Register(CommandPermissions table, EcomPolicy policy) => table
        .Allow<PlaceOrder>(ActorRole.Customer, ActorRole.CustomerService, ActorRole.Sales, ActorRole.System)
        .Allow<PayOrder>(ActorRole.Customer, ActorRole.System)
        .Allow<ConfirmOrder>(ActorRole.Sales, ActorRole.CustomerService, ActorRole.System)
        .Allow<AllocateStock>(ActorRole.Warehouse, ActorRole.System)
        .Allow<RecordInvoice>(ActorRole.Sales, ActorRole.CustomerService, ActorRole.DivisionFinance, ActorRole.System)
        .Allow<RecordShipment>(ActorRole.Warehouse, ActorRole.Carrier, ActorRole.System)
        .Allow<RecordTrackingEvent>(ActorRole.Carrier, ActorRole.Warehouse, ActorRole.System)
        .Allow<ReportLogistics>(ActorRole.Warehouse, ActorRole.System)
        .Allow<CancelOrder>(ActorRole.Customer, ActorRole.CustomerService, ActorRole.System)
        .Allow<CompleteOrder>(ActorRole.System)
        .Allow<RecordDeadlinePassed>(ActorRole.System);
}

using EcomRules.Commands;
using EcomRules.Policies;

namespace EcomRules.Returns;

/// <summary>
/// Who may issue the return commands (SEC-2), registered in <see cref="Engine.EcomEngine.Permissions"/>. The buyer asks and
/// ships back (RET-1, RET-4); service staff decide and negotiate (RET-3, RET-4); the warehouse inspects, restocks,
/// repairs and ships replacements (RET-4, RET-5, SLA-7); carriers report shipments; the system alone fires deadlines.
/// </summary>
internal static class ReturnPermissions
{
    /// <summary>Adds the return commands' defaults.</summary>
    public static CommandPermissions Register(CommandPermissions table, EcomPolicy policy) => table
        .Allow<RequestReturn>(ActorRole.Customer, ActorRole.CustomerService, ActorRole.System)
        .Allow<DecideReturn>(ActorRole.CustomerService)
        .Allow<RecordReturnShipment>(ActorRole.Customer, ActorRole.CustomerService, ActorRole.Carrier, ActorRole.System)
        .Allow<InspectReturn>(ActorRole.Warehouse)
        .Allow<ResolveNegotiation>(ActorRole.CustomerService)
        .Allow<RestockReturn>(ActorRole.Warehouse)
        .Allow<CompleteRepair>(ActorRole.Warehouse, ActorRole.CustomerService)
        .Allow<RecordReplacementShipment>(ActorRole.Warehouse, ActorRole.Carrier, ActorRole.System)
        .Allow<RecordReplacementTracking>(ActorRole.Carrier, ActorRole.Warehouse, ActorRole.System)
        .Allow<RecordReturnDeadlinePassed>(ActorRole.System);
}

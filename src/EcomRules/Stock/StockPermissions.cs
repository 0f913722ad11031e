using EcomRules.Commands;
using EcomRules.Policies;

namespace EcomRules.Stock;

/// <summary>
/// Who may issue the stock commands (SEC-2), registered in <see cref="Engine.EcomEngine.Permissions"/>. The warehouse (and the
/// system, for integrations) moves and counts stock (WH-2, WH-3, WH-6). Procurement is the chain of the warehouse
/// that requests, operations that approves and the chairman who signs off (WH-4, WH-5): each of them may issue the
/// procurement commands, and WH-5, the more specific rule, decides which step each signs and that nobody signs their own
/// request. Roles outside the chain (service, sales, finance, carriers, customers) have no right to them (SEC-2).
/// </summary>
internal static class StockPermissions
{
    /// <summary>Adds the stock commands' defaults.</summary>
    public static CommandPermissions Register(CommandPermissions table, EcomPolicy policy)
    {
        ActorRole[] chain = [ActorRole.Warehouse, ActorRole.Operations, ActorRole.Chairman];
        return table
            .Allow<RecordDeliveryArrival>(ActorRole.Warehouse, ActorRole.System)
            .Allow<RecordStockInDeadlinePassed>(ActorRole.System)
            .Allow<ReceiveStock>(ActorRole.Warehouse, ActorRole.System)
            .Allow<ReserveStock>(ActorRole.Warehouse, ActorRole.System)
            .Allow<ReleaseStock>(ActorRole.Warehouse, ActorRole.System)
            .Allow<ConsumeStock>(ActorRole.Warehouse, ActorRole.System)
            .Allow<CountStock>(ActorRole.Warehouse, ActorRole.System)
            .Allow<RequestProcurement>([.. chain, ActorRole.System])
            .Allow<ApproveProcurement>(chain)
            .Allow<SignOffProcurement>(chain);
    }
}

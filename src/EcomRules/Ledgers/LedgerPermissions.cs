using EcomRules.Policies;

namespace EcomRules.Ledgers;

/// <summary>
/// Who may issue the ledger commands (SEC-2), registered in <see cref="Engine.EcomModules"/>. The system records sales
/// entries from the payment and refund events and closes each day's ledger by its timer (FIN-1); finance may also close
/// a day by hand. The monthly settlement is closed by division or headquarters finance (FIN-2).
/// </summary>
internal static class LedgerPermissions
{
    /// <summary>Adds the ledger commands' defaults.</summary>
    public static CommandPermissions Register(CommandPermissions table, EcomPolicy policy) => table
        .Allow<RecordSalesEntry>(ActorRole.System, ActorRole.DivisionFinance, ActorRole.HeadquartersFinance)
        .Allow<CloseDailyLedger>(ActorRole.System, ActorRole.DivisionFinance, ActorRole.HeadquartersFinance)
        .Allow<CloseMonthlySettlement>(ActorRole.DivisionFinance, ActorRole.HeadquartersFinance);
}

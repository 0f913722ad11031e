using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Ledgers;

/// <summary>The ledger module's durable timers and the commands they fire (registered in <see cref="Engine.EcomModules.TimerHandlers"/>).</summary>
internal static class LedgerTimers
{
    /// <summary>Adds the daily ledger's timer (FIN-1).</summary>
    public static TimerHandlerRegistry Register(TimerHandlerRegistry registry) => registry
        .Add(SalesDayId.Kind, SalesDayCommand.DailyLedgerTimerKind,
            static (timer, id) => new CloseDailyLedger(id, Actor.System, timer.DueAt, SalesDayId.FromKey(timer.Target).Day)); // FIN-1
}

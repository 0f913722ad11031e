using EcomRules.Commands;
using EcomRules.Inventory;
using EcomRules.Ports;

namespace EcomRules.Stock;

/// <summary>The stock module's durable timers and the commands they fire (registered in <see cref="Engine.EcomModules.TimerHandlers"/>).</summary>
internal static class StockTimers
{
    /// <summary>Adds the stock-in deadline of deliveries (WH-2).</summary>
    public static TimerHandlerRegistry Register(TimerHandlerRegistry registry) => registry
        .Add(DeliveryReceiptId.Kind, RecordDeliveryArrival.DeadlineTimerKind, static (timer, id) =>
        {
            var slash = timer.Target.Id.IndexOf('/', StringComparison.Ordinal);
            return new RecordStockInDeadlinePassed(id, Actor.System, timer.DueAt,
                new DeliveryReceiptId(new WarehouseId(timer.Target.Id[..slash]), timer.Target.Id[(slash + 1)..]));
        });
}

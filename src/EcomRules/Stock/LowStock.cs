using System.Globalization;
using EcomRules.Commands;
using EcomRules.Stock.Events;

namespace EcomRules.Stock;

/// <summary>WH-4: the low-stock alert goes to operations, whose approval starts procurement.</summary>
internal static class LowStock
{
    public const string Template = "low-stock";

    public static StaffNotificationRequested Notice(LowStockAlerted alert, StockItemId item)
        => new(alert.Source, alert.At, ActorRole.Operations, Template, string.Create(CultureInfo.InvariantCulture,
            $"Low stock of {item.Sku} in {item.Warehouse}: {alert.OnHand} on hand, below last week's sales of {alert.Threshold}. Request procurement (WH-4, WH-5)."));
}

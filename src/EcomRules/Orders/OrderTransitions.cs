namespace EcomRules.Orders;

/// <summary>Audit descriptions of order transitions, made once (no formatting per command).</summary>
internal static class OrderTransitions
{
    private static readonly OrderState[] States = Enum.GetValues<OrderState>();
    private static readonly string[,] Descriptions = Build();

    public static string Describe(OrderState from, OrderState to) => Descriptions[(int)from, (int)to];

    public static string Ignored(OrderState state, OrderTrigger trigger) => $"{state}: {trigger} ignored (already done)";

    private static string[,] Build()
    {
        var descriptions = new string[States.Length, States.Length];
        foreach (var from in States)
        {
            foreach (var to in States)
            {
                descriptions[(int)from, (int)to] = from == to ? $"{from} (unchanged)" : $"{from} → {to}";
            }
        }

        return descriptions;
    }
}

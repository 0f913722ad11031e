namespace EcomRules.SampleHost;

/// <summary>What the sample shop sells: car parts from a few yuan to well above the CNY 5,000 refund tier (REF-2).</summary>
internal static class Catalogue
{
    public static readonly (string Sku, decimal Price, int Weight)[] Items =
    [
        ("BRAKE-PAD-F", 128.00m, 30),
        ("OIL-5W30-4L", 268.00m, 30),
        ("WIPER-24", 59.90m, 25),
        ("LED-H7-PAIR", 189.00m, 20),
        ("TYRE-225-45R17", 680.00m, 15),
        ("BATTERY-70AH", 899.00m, 10),
        ("ECU-TUNING-KIT", 5_200.00m, 4),
        ("GEARBOX-6AT", 12_800.00m, 2),
    ];

    private static readonly int TotalWeight = Items.Sum(i => i.Weight);

    public static (string Sku, decimal Price) Pick(Random random)
    {
        var roll = random.Next(TotalWeight);
        foreach (var item in Items)
        {
            if ((roll -= item.Weight) < 0)
            {
                return (item.Sku, item.Price);
            }
        }

        return (Items[0].Sku, Items[0].Price);
    }
}

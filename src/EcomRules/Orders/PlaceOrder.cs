using System.Collections.Immutable;
using EcomRules.Customers;
using EcomRules.Engine;
using EcomRules.Orders.Events;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// Places an order (ORD-1): the buyer's details are checked against CUS-1 (business) or CUS-2 (private), the order
/// is routed to its warehouse by province (WH-1), and the freight is the preferred carrier's fee unless given (CAR-1).
/// Refused, with every problem listed, when the buyer's details are incomplete or invalid, or when a line has no item
/// or a quantity below one.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who places it.</param>
/// <param name="At">When.</param>
/// <param name="OrderId">The new order's number.</param>
/// <param name="Buyer">The buyer's details as entered.</param>
/// <param name="Lines">The lines; at least one.</param>
/// <param name="Freight">The freight charged, or null for the preferred carrier's fee to the province.</param>
public sealed record PlaceOrder(CommandId CommandId, Actor Actor, Instant At, OrderId OrderId, BuyerDetails Buyer, ImmutableArray<OrderLine> Lines, Money? Freight = null)
    : EcomCommand(CommandId, Actor, At)
{
    /// <summary>The most units one line may order.</summary>
    public const int MaxQuantity = 1_000_000;

    /// <inheritdoc />
    public override AggregateKey Target => OrderId.Key;

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Find(Target) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Order {OrderId} already exists.");
        }

        if (Buyer is null)
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, "The order has no buyer details (CUS-1, CUS-2).");
        }

        var lineProblems = CheckLines();
        if (lineProblems is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, lineProblems);
        }

        var today = At.InZone(input.Policy.Zone).Date;
        var (identity, ruleId, problems) = BuyerParser.Parse(Buyer, today);
        if (identity is null)
        {
            return CommandOutcome.Refuse(ruleId, $"The buyer's details do not satisfy {ruleId}: {string.Join("; ", problems)}.");
        }

        var province = identity.Address.Province;
        var warehouse = input.Policy.Routing.Route(province); // WH-1
        var carriers = input.Policy.Carriers.Rank(province);
        if (carriers.IsEmpty)
        {
            return CommandOutcome.Refuse(RuleIds.Car1, $"No carrier serves {province.EnglishName}; add one to the policy's fee tables.");
        }

        var goods = Money.Zero;
        foreach (var line in Lines)
        {
            goods += line.Total;
        }

        var freight = Freight ?? carriers[0].Fee; // CAR-1: the preferred carrier's fee to the province
        var order = new Order(OrderId, identity, Lines, goods, freight, warehouse, At);
        return CommandOutcome.Accept(
            "→ Placed",
            [new AggregateWrite(Target, 0, order)],
            [new OrderPlaced(Target, At, warehouse, goods, freight)]);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("order", OrderId.Value).Add("freight", Freight?.Fen ?? -1);
        if (Buyer is { } b)
        {
            writer.Add("kind", (long)b.Kind).Add("name", b.Name).Add("credit", b.CreditCode).Add("contact", b.ContactName)
                .Add("rid", b.ResidentId).Add("mobile", b.Mobile).Add("province", b.Province).Add("city", b.City)
                .Add("district", b.District).Add("street", b.Street).Add("postal", b.PostalCode);
        }

        foreach (var line in Lines.IsDefault ? [] : Lines)
        {
            writer.Add("sku", line.Sku).Add("qty", line.Quantity).Add("price", line.UnitPrice);
        }
    }

    private string? CheckLines()
    {
        if (Lines.IsDefaultOrEmpty)
        {
            return "An order needs at least one line.";
        }

        List<string>? problems = null; // created by the first problem: valid lines allocate no list
        for (var i = 0; i < Lines.Length; i++)
        {
            var line = Lines[i];
            if (line is null)
            {
                (problems ??= []).Add($"line {i + 1} is missing");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Sku))
            {
                (problems ??= []).Add($"line {i + 1} has no item (SKU)");
            }

            if (line.Quantity is < 1 or > MaxQuantity)
            {
                (problems ??= []).Add($"line {i + 1} orders {line.Quantity} units; a quantity is between 1 and {MaxQuantity}");
            }
        }

        if (problems is null)
        {
            try
            {
                var total = Money.Zero;
                foreach (var line in Lines)
                {
                    total += line.Total;
                }
            }
            catch (ArgumentOutOfRangeException)
            {
                (problems ??= []).Add("the order total is larger than any amount of money this library can hold");
            }
        }

        return problems is null ? null : "The order lines are not valid: " + string.Join("; ", problems) + ".";
    }
}

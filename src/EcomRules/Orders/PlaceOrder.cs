using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Merchants;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>
/// Places an order (ORD-1): the buyer's details are checked against CUS-1 (business) or CUS-2 (private), the order
/// is routed to its warehouse by province (WH-1), and the freight is the preferred carrier's fee unless given (CAR-1).
/// Refused, with every problem listed, when the buyer's details are incomplete or invalid, or when a line has no item
/// or a quantity below one. An order that names its merchant (a multi-merchant platform) is refused unless the
/// merchant exists (not found), is admitted (MER-1) and is neither suspended nor removed (MER-3: a suspended merchant
/// sells nothing new); the merchant's paid orders, returns and refunds continue.
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
    /// <summary>
    /// Gets the merchant that sells the order on a multi-merchant platform (<c>new PlaceOrder(…) { Merchant = id }</c>), or
    /// null (the default) for the platform's own order. An init property rather than a constructor parameter, so code
    /// compiled against the earlier constructor keeps working.
    /// </summary>
    public MerchantId? Merchant { get; init; }

    /// <summary>The most units one line may order.</summary>
    public const int MaxQuantity = 1_000_000;

    /// <inheritdoc />
    public override AggregateKey Target => OrderId.Key;

    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => Merchant is { Value.Length: > 0 } merchant ? [merchant.Key] : []; // an empty one is refused as input

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Find(Target) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Order {OrderId} already exists.");
        }

        if (Merchant is { } merchantId && RefuseForMerchant(input, merchantId) is { } refused)
        {
            return refused;
        }

        var today = At.InZone(input.Policy.Zone).Date;
        var (identity, ruleId, problems) = BuyerParser.Parse(Buyer, today);
        if (identity is null)
        {
            return CommandOutcome.Refuse(ruleId, $"The buyer's details are incomplete or invalid: {string.Join("; ", problems)}.");
        }

        var province = identity.Address.Province;
        var warehouse = input.Policy.Routing.Route(province); // WH-1
        var carriers = input.Policy.Carriers.Rank(province);
        if (carriers.IsEmpty)
        {
            return CommandOutcome.Refuse(RuleIds.Car1, $"No carrier serves {province.EnglishName}; add one to the policy's fee tables.");
        }

        var freight = Freight ?? carriers[0].Fee; // CAR-1: the preferred carrier's fee to the province
        if (Amounts(freight) is { } overflow)
        {
            return CommandOutcome.Refuse(RefusalCode.InvalidInput, overflow.Reason, overflow.RuleId); // ORD-1: never an order whose total cannot be paid
        }

        var goods = Money.Zero;
        foreach (var line in Lines)
        {
            goods += line.Total;
        }
        var order = new Order(OrderId, identity, Lines, goods, freight, warehouse, At, Merchant);
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
            // A null line is refused as invalid input; the fingerprint of the refused payload must not throw.
            writer.Add("sku", line?.Sku).Add("qty", line?.Quantity ?? 0).Add("price", line?.UnitPrice ?? Money.Zero);
        }

        if (Merchant is { } merchant)
        {
            writer.Add("merchant", merchant.Value); // only when named: the fingerprint of an order without a merchant is unchanged
        }
    }

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
    {
        if (Buyer is null)
        {
            return new InputProblem("The order has no buyer details.", RuleIds.Cus1);
        }

        if (Merchant is { Value.Length: 0 })
        {
            return new InputProblem("An order's merchant is named by its number; it is empty.", RuleIds.Mer1);
        }

        if (CheckLines() is { } lines)
        {
            return new InputProblem(lines);
        }

        return limits.Items(Lines.Length, "order lines")
            ?? CheckLineCodes(limits)
            ?? limits.Text(Buyer.Name, "buyer's name") ?? limits.Code(Buyer.CreditCode, "credit code") ?? limits.Text(Buyer.ContactName, "contact name")
            ?? limits.Code(Buyer.ResidentId, "resident ID number") ?? limits.Code(Buyer.Mobile, "mobile number") ?? limits.Text(Buyer.Province, "province")
            ?? limits.Text(Buyer.City, "city") ?? limits.Text(Buyer.District, "district") ?? limits.Text(Buyer.Street, "street")
            ?? limits.Code(Buyer.PostalCode, "postal code")
            ?? (Freight is { } freight ? Amounts(freight) : null);
    }

    // MER-1, MER-3: only an admitted merchant sells; a suspended or removed one sells nothing new.
    private static CommandOutcome? RefuseForMerchant(DecisionInput input, MerchantId id)
    {
        if (input.Get<Merchants.Merchant>(id.Key) is not { } merchant)
        {
            return CommandOutcome.NotFound(id.Key);
        }

        return merchant.State switch
        {
            MerchantState.Admitted => null,
            MerchantState.Suspended or MerchantState.Removed
                => CommandOutcome.Refuse(RuleIds.Mer3, $"Merchant {id} is {merchant.State} ({merchant.StateReason}): a suspended merchant sells nothing new."),
            _ => CommandOutcome.Refuse(RuleIds.Mer1, $"Merchant {id} is {merchant.State}: only an admitted merchant sells."),
        };
    }

    // ORD-1: every line total and the order total (goods and freight) must be amounts of money, or the order could
    // never be paid or shown; checked in decimal, which holds far more than Money.MaxYuan.
    private InputProblem? Amounts(Money freight)
    {
        var total = freight.Yuan;
        for (var i = 0; i < Lines.Length; i++)
        {
            var lineTotal = Lines[i].UnitPrice.Yuan * Lines[i].Quantity;
            if (lineTotal > Money.MaxYuan)
            {
                return new InputProblem(string.Create(CultureInfo.InvariantCulture, $"Line {i + 1} comes to {lineTotal:0.00} yuan, more than the {Money.MaxYuan:0.00} yuan an amount can be."), RuleIds.Ord1);
            }

            total += lineTotal;
        }

        return total > Money.MaxYuan
            ? new InputProblem(string.Create(CultureInfo.InvariantCulture, $"The order comes to {total:0.00} yuan with freight, more than the {Money.MaxYuan:0.00} yuan an amount can be."), RuleIds.Ord1)
            : null;
    }

    private InputProblem? CheckLineCodes(InputLimits limits)
    {
        foreach (var line in Lines)
        {
            if (limits.Code(line.Sku, "SKU") is { } problem)
            {
                return problem;
            }
        }

        return null;
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

        return problems is null ? null : "The order lines are not valid: " + string.Join("; ", problems) + ".";
    }
}

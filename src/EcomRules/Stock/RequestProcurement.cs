using System.Globalization;
using EcomRules.Commands;
using EcomRules.Policies;
using EcomRules.Stock.Events;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// Requests the purchase of stock of one item (WH-4: typically after a low-stock alert). Operations approves it
/// (<see cref="ApproveProcurement"/>); above <see cref="ProcurementRequest.ChairmanThreshold"/> the chairman also signs
/// off (<see cref="SignOffProcurement"/>, WH-5). The requester signs neither.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who requests it.</param>
/// <param name="At">When.</param>
/// <param name="Request">The new request's ID.</param>
/// <param name="Item">The item to buy.</param>
/// <param name="Quantity">How many units, above zero.</param>
/// <param name="Amount">The amount, above zero.</param>
/// <param name="RequestReason">Why (recorded in the audit trail).</param>
public sealed record RequestProcurement(CommandId CommandId, Actor Actor, Instant At, ProcurementRequestId Request, StockItemId Item, int Quantity, Money Amount,
    string RequestReason) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => Request.Key;

    /// <inheritdoc />
    public override string? Reason => RequestReason;

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
    {
        if (Request.Number.Length == 0 || Item.Sku.Length == 0)
        {
            return new InputProblem("A procurement request needs a number and an item.", RuleIds.Wh5);
        }

        if (Quantity <= 0 || Amount.IsZero)
        {
            return new InputProblem(string.Create(CultureInfo.InvariantCulture, $"A procurement request needs a quantity and an amount above zero; they are {Quantity} and {Amount}."), RuleIds.Wh5);
        }

        return string.IsNullOrWhiteSpace(RequestReason)
            ? new InputProblem("A procurement request needs a reason, recorded in the audit trail.", RuleIds.Sec3)
            : limits.Code(Item.Sku, "SKU") ?? limits.Reason(RequestReason, "procurement reason");
    }

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Find(Target) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Procurement request {Request} already exists.");
        }

        if (StockCommand.UnknownWarehouse(Item, input.Policy) is { } unknown)
        {
            return unknown;
        }

        var request = ProcurementRequest.Open(Request, Item, Quantity, Amount, Actor.Id, At);
        return CommandOutcome.Accept("(new) → Requested", [new AggregateWrite(Target, 0, request)],
            [new ProcurementRequested(Target, At, Item.Key, Quantity, Amount, request.NeedsChairman)]);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("request", Request.Number).Add("warehouse", Item.Warehouse.Value).Add("sku", Item.Sku).Add("qty", Quantity).Add("amount", Amount)
            .Add("reason", RequestReason);
}

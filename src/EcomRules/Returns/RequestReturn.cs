using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Deadlines;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Policies;
using EcomRules.Refunds;
using EcomRules.Returns.Events;
using EcomRules.Sla;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// The customer asks for a return, exchange or repair (RET-1, RET-5) with a reason, evidence and the units per item.
/// Opens the case and counts it on the order (open returns, returned units) in one change set; starts SLA-6 (the
/// answer is due within 24 hours, 48 in a special case). Refused naming RET-2 when the order was not received or the
/// request is after the window's last day (<see cref="ReturnWindows"/>); naming RET-1 for a missing reason text,
/// missing evidence or a quantity the order does not have left; naming RET-5 for a repair without a merchant fault.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The customer, or service staff on their behalf.</param>
/// <param name="At">When the customer asked.</param>
/// <param name="CaseId">The new case's ID (its order is the order returned).</param>
/// <param name="Kind">Return for a refund, exchange or repair.</param>
/// <param name="ReturnReason">The reason picked.</param>
/// <param name="ReasonText">Free text; required for <see cref="Returns.ReturnReason.Other"/>.</param>
/// <param name="Evidence">References of uploaded evidence (photos, videos); at least one for a merchant fault.</param>
/// <param name="Lines">The items and units returned; at least one.</param>
/// <param name="SpecialCase">Whether SLA-6's special case applies (48 hours instead of 24). The default is false.</param>
public sealed record RequestReturn(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId, ReturnKind Kind, ReturnReason ReturnReason,
    string? ReasonText, ImmutableArray<string> Evidence, ImmutableArray<ReturnLine> Lines, bool SpecialCase = false)
    : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => CaseId.Key;

    /// <inheritdoc />
    public override string? Reason => ReasonText;

    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => [CaseId.Order.Key];

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Find(Target) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Return case {CaseId} already exists.");
        }

        var orderKey = CaseId.Order.Key;
        if (input.Get<Order>(orderKey) is not { } order)
        {
            return CommandOutcome.NotFound(orderKey);
        }

        if (CheckRequest(order) is { } refused)
        {
            return refused;
        }

        var policy = input.Policy;
        if (order.ReceivedAt is not { } receivedAt)
        {
            return CommandOutcome.Refuse(RuleIds.Ret2, $"Order {order.Id} has not been signed for; a return can be asked for only after receipt (before it, cancel the order, ORD-2).");
        }

        // RET-2: calendar days in the merchant's zone, counted from the day after receipt.
        var lastDay = ReturnWindows.LastDay(policy.Returns, Kind, ReturnReason, receivedAt.InZone(policy.Zone).Date);
        if (At.InZone(policy.Zone).Date > lastDay)
        {
            return CommandOutcome.Refuse(RuleIds.Ret2,
                $"The {ReturnWindows.DaysFor(policy.Returns, Kind, ReturnReason)}-day window for {Kind} ({ReturnReason}) has closed: the last day to ask was {lastDay:yyyy-MM-dd}.");
        }

        var timers = new List<TimerRequest>();
        var answer = SpecialCase ? SlaDefinitions.AfterSalesSpecialCase(policy.Sla("SLA-6").Basis) : policy.Sla("SLA-6"); // SLA-6: 24 h, 48 h in special cases
        var slas = SlaSchedule.Start([], answer, policy, Target, At, timers);
        var returnCase = new ReturnCase(CaseId, Kind, ReturnReason, ReasonText, Evidence, Lines, order.Buyer.Phone, order.Warehouse, At, lastDay, slas) { SpecialCase = SpecialCase };
        return CommandOutcome.Accept("(new) → Requested",
            [new AggregateWrite(Target, 0, returnCase), new AggregateWrite(orderKey, input.VersionOf(orderKey), order.OpeningReturn(returnCase.Claimed()))],
            [
                new ReturnRequested(Target, At, Kind, ReturnReason, Lines, lastDay),
                new CustomerNotificationRequested(Target, At, order.Buyer.Phone, "return-requested",
                    $"We received your {Kind} request {CaseId} for order {order.Id}; you will get an answer shortly."), // RET-7
            ],
            timers);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("case", CaseId.ToString()).Add("kind", (long)Kind).Add("reason", (long)ReturnReason).Add("text", ReasonText).Add("special", SpecialCase);
        foreach (var evidence in Evidence.IsDefault ? [] : Evidence)
        {
            writer.Add("evidence", evidence);
        }

        foreach (var line in Lines.IsDefault ? [] : Lines)
        {
            writer.Add("sku", line?.Sku).Add("quantity", line?.Quantity ?? 0);
        }
    }

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
    {
        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(ReturnReason))
        {
            return new InputProblem("The kind or reason of the return is not a known value.", RuleIds.Ret1);
        }

        if (CaseId.Number.Length > RestockReturn.MaxCaseNumberLength)
        {
            return new InputProblem($"A return case number has at most {RestockReturn.MaxCaseNumberLength} characters, so that its refund can be numbered '{RequestRefund.ReservedReturnPrefix}{{case}}'.");
        }

        var problem = limits.Reason(ReasonText, "reason text")
            ?? limits.Items(Evidence.IsDefault ? 0 : Evidence.Length, "pieces of evidence")
            ?? limits.Items(Lines.IsDefault ? 0 : Lines.Length, "return lines");
        foreach (var evidence in Evidence.IsDefault ? [] : Evidence)
        {
            // A missing reference is refused whatever the reason: a case stored with one could not be read back.
            problem ??= evidence is null ? new InputProblem("A piece of evidence is missing: each is a reference to a photo or video.", RuleIds.Ret1) : limits.Text(evidence, "evidence reference");
        }

        foreach (var line in Lines.IsDefault ? [] : Lines)
        {
            problem ??= limits.Code(line?.Sku, "SKU");
        }

        return problem;
    }

    private CommandOutcome? CheckRequest(Order order)
    {
        if (ReturnReason == ReturnReason.Other && string.IsNullOrWhiteSpace(ReasonText))
        {
            return CommandOutcome.Refuse(RuleIds.Ret1, "The reason 'other' needs a description in free text.");
        }

        if (Kind == ReturnKind.Repair && !ReturnWindows.IsMerchantFault(ReturnReason))
        {
            return CommandOutcome.Refuse(RuleIds.Ret5, "Repair free of charge is for a merchant fault such as a quality problem; ask for a return or an exchange.");
        }

        if (ReturnWindows.IsMerchantFault(ReturnReason) && (Evidence.IsDefaultOrEmpty || Evidence.Any(string.IsNullOrWhiteSpace)))
        {
            return CommandOutcome.Refuse(RuleIds.Ret1, $"The reason {ReturnReason} needs evidence: upload at least one photo or video.");
        }

        return CheckLines(order);
    }

    private CommandOutcome? CheckLines(Order order)
    {
        if (Lines.IsDefaultOrEmpty)
        {
            return CommandOutcome.Refuse(RuleIds.Ret1, "A return names at least one item and quantity.");
        }

        var asked = new Dictionary<string, long>(StringComparer.Ordinal); // long: many large quantities never wrap round
        foreach (var line in Lines)
        {
            if (line is null || string.IsNullOrWhiteSpace(line.Sku) || line.Quantity <= 0)
            {
                return CommandOutcome.Refuse(RuleIds.Ret1, "Every returned item needs a SKU and a quantity above zero.");
            }

            asked[line.Sku] = asked.GetValueOrDefault(line.Sku) + line.Quantity;
        }

        foreach (var (sku, quantity) in asked)
        {
            var left = order.ReturnableQuantity(sku);
            if (quantity > left)
            {
                return CommandOutcome.Refuse(RuleIds.Ret1, $"Order {order.Id} has {Math.Max(0, left)} unit(s) of {sku} left to return; {quantity} asked.");
            }
        }

        return null;
    }
}

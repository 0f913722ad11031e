using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// Records a violation against a merchant (MER-3): an upheld complaint, a late dispatch or a breach, with what it
/// concerns. The merchant's public credit rating falls by the violation's weight (<see cref="MerchantRecord"/>). Whether
/// the ladder moves is the platform's decision (<see cref="SanctionMerchant"/>). The library records two kinds itself,
/// by the system through the outbox, once each: a late dispatch of an order that names its merchant (ORD-3), and a
/// complaint closed with its last finding upheld against the order's merchant (AFS-1, AFS-2). Operations record the
/// rest (breaches, findings made outside the library). Anyone but operations or the system is refused by the permission
/// table naming SEC-2 (<see cref="RefusalCode.NotPermitted"/>); MER-3 refuses a merchant not yet trading or removed.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who records it: operations, or the system for what the library records itself.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="Kind">The violation.</param>
/// <param name="ViolationReference">What it concerns: a complaint, an order or a listing number.</param>
/// <param name="Explanation">What happened (recorded in the audit trail).</param>
public sealed record RecordMerchantViolation(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant, ViolationKind Kind, string ViolationReference,
    string Explanation) : MerchantCommand(CommandId, Actor, At, Merchant)
{
    /// <inheritdoc />
    public override string? Reason => Explanation;

    /// <inheritdoc />
    internal override RuleId Rule => RuleIds.Mer3;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
    {
        if (!Enum.IsDefined(Kind))
        {
            return new InputProblem($"'{Kind}' is not a violation kind.", RuleIds.Mer3);
        }

        return string.IsNullOrWhiteSpace(ViolationReference)
            ? new InputProblem("A violation names what it concerns (a complaint, an order or a listing).", RuleIds.Mer3)
            : limits.Code(ViolationReference, "violation reference") ?? Required(Explanation, "violation's explanation", RuleIds.Mer3, limits);
    }

    /// <inheritdoc />
    internal override CommandOutcome Decide(Merchant merchant, long version, EcomPolicy policy)
    {
        // The system records what the library finds itself (late dispatches, upheld complaints), audited as the system.
        if (Actor.Role != ActorRole.System && ByPlatform(Actor, RuleIds.Mer3, "Recording a violation") is { } refused)
        {
            return refused;
        }

        if (merchant.State is MerchantState.UnderReview or MerchantState.Rejected)
        {
            return CommandOutcome.Refuse(RuleIds.Mer3, $"Merchant {Merchant} is {merchant.State}: it has not traded, so it has no record to add to.");
        }

        var next = merchant.Recording(Kind);
        return Accept(merchant, version, next, [new MerchantViolationRecorded(Target, At, Kind, ViolationReference, next.Rating.Score)]);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("kind", Kind.ToString()).Add("reference", ViolationReference).Add("explanation", Explanation);
}

using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// Takes the violation ladder's next step against a merchant (MER-3): warning, then points deduction, then suspension,
/// then removal. The step must be the one after the last: a skip or a repeat is refused naming MER-3, as is a step
/// without its reason. Each step is audited with its reason (SEC-3). Suspension stops new listings and permission
/// requests; removal ends every command on the merchant.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who decides it: operations.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="Step">The step, the one after <see cref="Merchant.Ladder"/>.</param>
/// <param name="SanctionReason">Why (recorded in the audit trail).</param>
public sealed record SanctionMerchant(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant, SanctionStep Step, string SanctionReason)
    : MerchantCommand(CommandId, Actor, At, Merchant)
{
    /// <inheritdoc />
    public override string? Reason => SanctionReason;

    /// <inheritdoc />
    internal override RuleId Rule => RuleIds.Mer3;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
        => Step is < SanctionStep.Warning or > SanctionStep.Removal
            ? new InputProblem($"'{Step}' is not a step of the ladder (warning, points deduction, suspension, removal).", RuleIds.Mer3)
            : Required(SanctionReason, "sanction's reason", RuleIds.Mer3, limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(Merchant merchant, long version, EcomPolicy policy)
    {
        if (ByPlatform(Actor, RuleIds.Mer3, "A sanction") is { } refused)
        {
            return refused;
        }

        if (merchant.State is MerchantState.UnderReview or MerchantState.Rejected)
        {
            return CommandOutcome.Refuse(RuleIds.Mer3, $"Merchant {Merchant} is {merchant.State}, not admitted: there is nothing to sanction.");
        }

        var expected = merchant.Ladder + 1;
        if (Step != expected)
        {
            return CommandOutcome.Refuse(RuleIds.Mer3, $"Merchant {Merchant} stands at '{merchant.Ladder}' on the ladder; the next step is '{expected}', not '{Step}' (no step is skipped or repeated).");
        }

        var next = merchant.Sanctioned(new MerchantSanction(Step, SanctionReason, Actor.Id, At));
        return Accept(merchant, version, next, merchant.State == next.State
            ? [new MerchantSanctioned(Target, At, Step, SanctionReason, next.Rating.Score)]
            : [new MerchantSanctioned(Target, At, Step, SanctionReason, next.Rating.Score), new MerchantStatusChanged(Target, At, merchant.State, next.State, SanctionReason)]);
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("step", (long)Step).Add("reason", SanctionReason);
}

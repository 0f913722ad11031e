using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// An admitted merchant submits a product listing (MER-2): it is not displayed until <see cref="ReviewListing"/> finds
/// it legal, truthful and complete. A merchant not admitted (MER-1) or suspended (MER-3) lists nothing.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who submits it for the merchant.</param>
/// <param name="At">When.</param>
/// <param name="Listing">The new listing's ID.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="Title">The title; required.</param>
/// <param name="Description">The description; empty leaves the listing incomplete.</param>
/// <param name="Price">The price; zero leaves the listing incomplete.</param>
public sealed record SubmitListing(CommandId CommandId, Actor Actor, Instant At, ListingId Listing, MerchantId Merchant, string Title, string Description, Money Price)
    : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => Listing.Key;

    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => [Merchant.Key];

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
        => Listing.Value.Length == 0 || Merchant.Value.Length == 0 || string.IsNullOrWhiteSpace(Title)
            ? new InputProblem("A listing names itself, its merchant and a title.", RuleIds.Mer2)
            : limits.Text(Title, "listing title") ?? (Description is null ? new InputProblem("A listing's description may be empty, not null.", RuleIds.Mer2) : limits.Reason(Description, "listing description"));

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        // SEC-2 first: someone who does not act for the merchant learns nothing, not even whether the listing exists.
        if (input.Get<Merchant>(Merchant.Key) is not { } merchant)
        {
            return CommandOutcome.NotFound(Merchant.Key);
        }

        if (!merchant.ActsFor(Actor))
        {
            return MerchantCommand.NotStaff(Actor, Merchant);
        }

        if (input.Find(Target) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Listing {Listing} already exists.");
        }

        if (merchant.State != MerchantState.Admitted)
        {
            return CommandOutcome.Refuse(merchant.State is MerchantState.Suspended or MerchantState.Removed ? RuleIds.Mer3 : RuleIds.Mer1,
                $"Merchant {Merchant} is {merchant.State}; only an admitted merchant lists goods.");
        }

        var listing = Merchants.Listing.Submit(Listing, Merchant, Title.Trim(), Description.Trim(), Price, At);
        return CommandOutcome.Accept("(new) → PendingReview", [new AggregateWrite(Target, 0, listing)], [new ListingSubmitted(Target, At, Merchant.Key)]);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("listing", Listing.Value).Add("merchant", Merchant.Value).Add("title", Title).Add("description", Description).Add("price", Price);
}

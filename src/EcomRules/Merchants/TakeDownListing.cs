using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// The platform takes a listing down (MER-2), typically a false one found after display, with the reason: a take-down
/// without a reason is refused naming MER-2. Final. By operations.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who takes it down: operations.</param>
/// <param name="At">When.</param>
/// <param name="Listing">The listing.</param>
/// <param name="TakeDownReason">Why (recorded on the listing and in the audit trail).</param>
public sealed record TakeDownListing(CommandId CommandId, Actor Actor, Instant At, ListingId Listing, string TakeDownReason)
    : ListingCommand(CommandId, Actor, At, Listing)
{
    /// <inheritdoc />
    public override string? Reason => TakeDownReason;

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
        => Listing.Value.Length == 0
            ? new InputProblem("A take-down names the listing.", RuleIds.Mer2)
            : MerchantCommand.Required(TakeDownReason, "take-down's reason", RuleIds.Mer2, limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(Listing listing, long version)
    {
        if (listing.State == ListingState.TakenDown)
        {
            return CommandOutcome.Refuse(RuleIds.Mer2, $"Listing {Listing} was already taken down: {listing.Reason}");
        }

        var next = listing.Decided(ListingState.TakenDown, Actor.Id, At, TakeDownReason);
        return Accept(listing, version, next, new ListingTakenDown(Target, At, listing.Merchant.Key, TakeDownReason));
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer) => writer.Add("listing", Listing.Value).Add("reason", TakeDownReason);
}

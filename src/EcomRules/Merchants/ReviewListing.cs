using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// The platform reviews a submitted listing (MER-2) for legality, truthfulness and completeness. Passing all three, it
/// is displayed; otherwise it is rejected, and the findings are required. A listing missing its description or price is
/// never passed as complete. Reviewed by operations.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">The reviewer: operations.</param>
/// <param name="At">When.</param>
/// <param name="Listing">The listing.</param>
/// <param name="Legal">Whether the goods and the wording are lawful.</param>
/// <param name="Truthful">Whether the listing is truthful.</param>
/// <param name="Complete">Whether the listing is complete.</param>
/// <param name="Findings">What the review found; required when it fails.</param>
public sealed record ReviewListing(CommandId CommandId, Actor Actor, Instant At, ListingId Listing, bool Legal, bool Truthful, bool Complete, string? Findings = null)
    : ListingCommand(CommandId, Actor, At, Listing)
{
    /// <inheritdoc />
    public override string? Reason => Findings;

    /// <summary>Gets whether the review passes the listing on all three counts.</summary>
    public bool Passes => Legal && Truthful && Complete;

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
    {
        if (Listing.Value.Length == 0)
        {
            return new InputProblem("A listing review names the listing.", RuleIds.Mer2);
        }

        return Passes
            ? limits.Reason(Findings, "review findings")
            : MerchantCommand.Required(Findings, "findings of a failed listing review", RuleIds.Mer2, limits);
    }

    /// <inheritdoc />
    internal override CommandOutcome Decide(Listing listing, long version)
    {
        if (listing.State != ListingState.PendingReview)
        {
            return CommandOutcome.Refuse(RuleIds.Mer2, $"Listing {Listing} is {listing.State}, not waiting for review.");
        }

        if (Complete && listing.MissingParts.Length > 0)
        {
            return CommandOutcome.Refuse(RuleIds.Mer2, $"Listing {Listing} has no {listing.MissingParts}: it cannot pass as complete.");
        }

        var next = listing.Decided(Passes ? ListingState.Displayed : ListingState.Rejected, Actor.Id, At, Findings);
        return Accept(listing, version, next, new ListingReviewed(Target, At, listing.Merchant.Key, next.State, Findings));
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("listing", Listing.Value).Add("legal", Legal).Add("truthful", Truthful).Add("complete", Complete).Add("findings", Findings);
}

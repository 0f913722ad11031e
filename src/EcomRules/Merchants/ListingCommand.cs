using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// The platform's decision on an existing listing (MER-2): its review or its take-down, by operations. A refusal names
/// MER-2 and changes nothing.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who decides: operations.</param>
/// <param name="At">When.</param>
/// <param name="Listing">The listing.</param>
public abstract record ListingCommand(CommandId CommandId, Actor Actor, Instant At, ListingId Listing) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => Listing.Key;

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var stored = input.Find(Target);
        if (stored?.State is not Listing listing)
        {
            return CommandOutcome.NotFound(Target);
        }

        return MerchantCommand.ByPlatform(Actor, RuleIds.Mer2, $"{Action} of listing {Listing}") ?? Decide(listing, stored.Version);
    }

    /// <summary>Decides the command on the listing, pure.</summary>
    internal abstract CommandOutcome Decide(Listing listing, long version);

    /// <summary>Accepts the listing's move to <paramref name="next"/>.</summary>
    internal CommandOutcome Accept(Listing listing, long version, Listing next, DomainEvent happened)
        => CommandOutcome.Accept($"{listing.State} → {next.State}", [new AggregateWrite(Target, version, next)], [happened]);
}

using EcomRules.Commands;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// A merchant's product listing (MER-2): reviewed for legality, truthfulness and completeness before it is displayed;
/// a false listing is taken down with the reason. Immutable.
/// </summary>
public sealed record Listing
{
    private Listing(ListingId id, MerchantId merchant, string title, string description, Money price, Instant submittedAt)
    {
        Id = id;
        Merchant = merchant;
        Title = title;
        Description = description;
        Price = price;
        SubmittedAt = submittedAt;
    }

    /// <summary>Gets the listing's ID.</summary>
    public ListingId Id { get; private init; }

    /// <summary>Gets the merchant that lists it.</summary>
    public MerchantId Merchant { get; private init; }

    /// <summary>Gets the title.</summary>
    public string Title { get; private init; }

    /// <summary>Gets the description; empty makes the listing incomplete (MER-2).</summary>
    public string Description { get; private init; }

    /// <summary>Gets the price; zero makes the listing incomplete (MER-2).</summary>
    public Money Price { get; private init; }

    /// <summary>Gets when it was submitted.</summary>
    public Instant SubmittedAt { get; private init; }

    /// <summary>Gets where it stands.</summary>
    public ListingState State { get; private init; }

    /// <summary>Gets who made the last decision on it (its review or take-down); null before.</summary>
    public string? DecidedBy { get; private init; }

    /// <summary>Gets when it was reviewed or taken down; null before.</summary>
    public Instant? DecidedAt { get; private init; }

    /// <summary>Gets the review's findings, or the take-down's reason; null while pending or when displayed without findings.</summary>
    public string? Reason { get; private init; }

    /// <summary>Gets whether it is shown to buyers.</summary>
    public bool IsDisplayed => State == ListingState.Displayed;

    /// <summary>Gets the key of the listing in the store.</summary>
    public AggregateKey Key => Id.Key;

    /// <summary>Gets what makes the listing incomplete (MER-2): a missing description or price; empty when complete.</summary>
    public string MissingParts => (Description.Length == 0, Price.IsZero) switch
    {
        (true, true) => "description and price",
        (true, false) => "description",
        (false, true) => "price",
        _ => string.Empty,
    };

    /// <inheritdoc />
    public override string ToString() => $"Listing {Id} of {Merchant} ({State})";

    internal static Listing Submit(ListingId id, MerchantId merchant, string title, string description, Money price, Instant at)
        => new(id, merchant, title, description, price, at);

    // Persistence (EcomSerializer): rebuilds a stored state; the caller has validated each value.
    internal static Listing Rehydrate(ListingId id, MerchantId merchant, string title, string description, Money price, Instant submittedAt,
        ListingState state, string? decidedBy, Instant? decidedAt, string? reason)
        => new(id, merchant, title, description, price, submittedAt) { State = state, DecidedBy = decidedBy, DecidedAt = decidedAt, Reason = reason };

    internal Listing Decided(ListingState state, string actorId, Instant at, string? reason)
        => this with { State = state, DecidedBy = actorId, DecidedAt = at, Reason = reason };
}

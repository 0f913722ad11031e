using EcomRules.Commands;
using EcomRules.Internal;

namespace EcomRules.Complaints;

/// <summary>Identifies a complaint (AFS-1). The store key is <c>complaint/{number}</c>.</summary>
public readonly record struct ComplaintId : IPersonalDataId<Complaint>
{
    /// <summary>The aggregate kind of complaints in the store.</summary>
    public const string Kind = "complaint";

    private readonly string? _number;

    /// <summary>Creates a complaint ID.</summary>
    /// <param name="number">The complaint's number: 1-64 characters, no white space or '/'.</param>
    /// <exception cref="ArgumentException"><paramref name="number"/> is not a valid number.</exception>
    public ComplaintId(string number) => _number = Preconditions.CheckAggregateId(number, "a complaint number");

    /// <summary>Gets the number.</summary>
    public string Number => _number ?? string.Empty;

    /// <summary>Gets the complaint's key in the store.</summary>
    public AggregateKey Key => new(Kind, Number);

    /// <inheritdoc />
    public override string ToString() => Number;
}

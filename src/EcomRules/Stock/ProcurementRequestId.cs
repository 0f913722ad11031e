using EcomRules.Commands;
using EcomRules.Internal;

namespace EcomRules.Stock;

/// <summary>Identifies a procurement request (WH-4, WH-5). The store key is <c>procurement/{number}</c>.</summary>
public readonly record struct ProcurementRequestId : IAggregateId<ProcurementRequest>
{
    /// <summary>The aggregate kind of procurement requests in the store.</summary>
    public const string Kind = "procurement";

    private readonly string? _number;

    /// <summary>Creates a procurement request ID.</summary>
    /// <param name="number">The request's number: 1-64 characters, no white space or '/'.</param>
    /// <exception cref="ArgumentException"><paramref name="number"/> is not a valid number.</exception>
    public ProcurementRequestId(string number) => _number = Preconditions.CheckAggregateId(number, "a procurement request number");

    /// <summary>Gets the number.</summary>
    public string Number => _number ?? string.Empty;

    /// <summary>Gets the request's key in the store.</summary>
    public AggregateKey Key => new(Kind, Number);

    /// <inheritdoc />
    public override string ToString() => Number;
}

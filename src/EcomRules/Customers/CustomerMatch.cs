namespace EcomRules.Customers;

/// <summary>
/// The outcome of matching a new order's invoice details to existing customers (CUS-3): a known customer, or new.
/// </summary>
public readonly record struct CustomerMatch
{
    private CustomerMatch(CustomerId? customerId, CustomerMatchBasis basis)
    {
        CustomerId = customerId;
        Basis = basis;
    }

    /// <summary>Gets the "new customer" outcome: create a customer record (CUS-3).</summary>
    public static CustomerMatch New => default;

    /// <summary>Gets the matched customer, or null when the customer is new.</summary>
    public CustomerId? CustomerId { get; }

    /// <summary>Gets what the match rests on; <see cref="CustomerMatchBasis.None"/> when the customer is new.</summary>
    public CustomerMatchBasis Basis { get; }

    /// <summary>Gets whether an existing customer matched.</summary>
    public bool IsKnown => CustomerId is not null;

    /// <summary>Returns the outcome "known customer".</summary>
    /// <param name="customerId">The matched customer.</param>
    /// <param name="basis">What the match rests on.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is <see cref="CustomerMatchBasis.None"/> or undefined.</exception>
    public static CustomerMatch Known(CustomerId customerId, CustomerMatchBasis basis)
    {
        if (basis is not (CustomerMatchBasis.NameAndMobile or CustomerMatchBasis.NameOnly))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "A known customer matches on name and mobile, or on name only.");
        }

        return new CustomerMatch(customerId, basis);
    }

    /// <summary>Describes the outcome, for example <c>Known C-1 (NameAndMobile)</c> or <c>New</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => IsKnown ? $"Known {CustomerId} ({Basis})" : "New";
}

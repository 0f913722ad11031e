namespace EcomRules.Customers;

/// <summary>What a <see cref="CustomerMatch"/> rests on (CUS-3).</summary>
public enum CustomerMatchBasis
{
    /// <summary>No known customer matched: the order's customer is new.</summary>
    None = 0,

    /// <summary>Both the normalised name and the mobile number matched.</summary>
    NameAndMobile = 1,

    /// <summary>The invoice had no mobile number and exactly one known customer has the normalised name.</summary>
    NameOnly = 2,
}

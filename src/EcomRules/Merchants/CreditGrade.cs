namespace EcomRules.Merchants;

/// <summary>The public grade of a merchant's credit rating (MER-3).</summary>
public enum CreditGrade
{
    /// <summary>90 points or more.</summary>
    A,

    /// <summary>75 to 89 points.</summary>
    B,

    /// <summary>60 to 74 points.</summary>
    C,

    /// <summary>Below 60 points.</summary>
    D,
}

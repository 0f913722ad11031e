namespace EcomRules.Customers;

/// <summary>The sex recorded in a resident ID number (its 17th digit: odd for male, even for female).</summary>
public enum Sex
{
    /// <summary>Even 17th digit.</summary>
    Female = 1,

    /// <summary>Odd 17th digit.</summary>
    Male = 2,
}

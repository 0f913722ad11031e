namespace EcomRules.Customers;

/// <summary>The kinds of customer number that <see cref="InvalidIdentityNumberException"/> reports on.</summary>
public enum IdentityNumberKind
{
    /// <summary>An 18-character unified social credit code of an organisation (CUS-1).</summary>
    UnifiedSocialCreditCode = 1,

    /// <summary>An 18-character resident identity card number of a person (CUS-2).</summary>
    ResidentIdNumber = 2,

    /// <summary>A 6-digit postal code (CUS-2).</summary>
    PostalCode = 3,

    /// <summary>An 11-digit mainland China mobile number (CUS-1, CUS-3).</summary>
    MobileNumber = 4,
}

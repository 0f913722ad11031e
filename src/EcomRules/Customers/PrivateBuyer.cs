namespace EcomRules.Customers;

/// <summary>
/// A private buyer's identity (CUS-2): name, resident ID number, 6-digit postal code, full address and mobile number.
/// </summary>
public sealed class PrivateBuyer : CustomerIdentity
{
    /// <summary>Creates a private buyer, checking every detail CUS-2 requires.</summary>
    /// <param name="name">The person's name as on the invoice.</param>
    /// <param name="residentId">The resident ID number.</param>
    /// <param name="postalCode">The postal code.</param>
    /// <param name="address">The full address, down to street and number.</param>
    /// <param name="mobile">The mobile number.</param>
    /// <exception cref="CustomerIdentityException">
    /// One or more details are missing, or the address carries a different postal code; all problems are listed.
    /// </exception>
    public PrivateBuyer(string name, ResidentIdNumber residentId, PostalCode postalCode, Address address, ChineseMobileNumber mobile)
        : base(Check(name, residentId, postalCode, address, mobile), address, mobile)
    {
        ResidentId = residentId;
        PostalCode = postalCode;
    }

    /// <inheritdoc />
    public override RuleId RuleId => RuleIds.Cus2;

    /// <summary>Gets the resident ID number (personal data, SEC-1; its own <c>ToString</c> is masked).</summary>
    public ResidentIdNumber ResidentId { get; }

    /// <summary>Gets the postal code.</summary>
    public PostalCode PostalCode { get; }

    /// <summary>Gets a description for logs with the name, ID number, phone and address masked (SEC-1).</summary>
    public override string Masked
        => $"Private buyer {PersonalDataMask.Name(Name)} ({ResidentId.Masked}), {Phone.Masked}, {Address.Masked}";

    // CUS-2: every detail present; all problems reported together.
    private static string Check(string? name, ResidentIdNumber residentId, PostalCode postalCode, Address? address, ChineseMobileNumber mobile)
    {
        new IdentityProblems(RuleIds.Cus2)
            .CheckText(name, "name")
            .Check(!residentId.IsDefault, "resident ID number is missing")
            .Check(!postalCode.IsDefault, "postal code is missing")
            .Check(address is not null, "address is missing")
            .Check(address?.PostalCode is null || address.PostalCode == postalCode, "the address carries a different postal code")
            .Check(!mobile.IsDefault, "mobile number is missing")
            .ThrowIfAny();
        return name!;
    }
}

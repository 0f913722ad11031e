namespace EcomRules.Customers;

/// <summary>
/// A business buyer's identity (CUS-1): company name, unified social credit code, address down to street and
/// number, and the responsible person's name and phone.
/// </summary>
public sealed class BusinessBuyer : CustomerIdentity
{
    /// <summary>Creates a business buyer, checking every detail CUS-1 requires.</summary>
    /// <param name="companyName">The company name as on the invoice.</param>
    /// <param name="creditCode">The unified social credit code.</param>
    /// <param name="address">The address, down to street and number.</param>
    /// <param name="contactName">The responsible person's name.</param>
    /// <param name="contactPhone">The responsible person's mobile number.</param>
    /// <exception cref="CustomerIdentityException">One or more details are missing; all are listed.</exception>
    public BusinessBuyer(string companyName, UnifiedSocialCreditCode creditCode, Address address, string contactName, ChineseMobileNumber contactPhone)
        : base(Check(companyName, creditCode, address, contactName, contactPhone), address, contactPhone)
    {
        CreditCode = creditCode;
        ContactName = contactName.Trim();
    }

    /// <inheritdoc />
    public override RuleId RuleId => RuleIds.Cus1;

    /// <summary>Gets the company's unified social credit code.</summary>
    public UnifiedSocialCreditCode CreditCode { get; }

    /// <summary>Gets the responsible person's name (personal data, SEC-1).</summary>
    public string ContactName { get; }

    /// <summary>Gets a description for logs: company name and credit code (public registration data), masked contact and address (SEC-1).</summary>
    public override string Masked
        => $"Business buyer {Name} ({CreditCode}), contact {PersonalDataMask.Name(ContactName)} {Phone.Masked}, {Address.Masked}";

    /// <summary>Creates a business buyer from text as entered, listing every invalid or missing detail at once (CUS-1).</summary>
    /// <param name="companyName">The company name.</param>
    /// <param name="creditCode">The unified social credit code.</param>
    /// <param name="address">The address.</param>
    /// <param name="contactName">The responsible person's name.</param>
    /// <param name="contactPhone">The responsible person's mobile number.</param>
    /// <returns>The buyer.</returns>
    /// <exception cref="CustomerIdentityException">One or more details are missing or invalid; all are listed.</exception>
    public static BusinessBuyer Create(string? companyName, string? creditCode, Address? address, string? contactName, string? contactPhone)
    {
        var problems = new IdentityProblems(RuleIds.Cus1);
        problems.CheckText(companyName, "company name");
        var code = problems.Parse(() => UnifiedSocialCreditCode.Parse(creditCode!), "unified social credit code");
        problems.Check(address is not null, "address is missing");
        problems.CheckText(contactName, "contact name");
        var phone = problems.Parse(() => ChineseMobileNumber.Parse(contactPhone!), "contact phone");
        problems.ThrowIfAny();
        return new BusinessBuyer(companyName!, code, address!, contactName!, phone);
    }

    // CUS-1: every detail present; all problems reported together.
    private static string Check(string? companyName, UnifiedSocialCreditCode creditCode, Address? address, string? contactName, ChineseMobileNumber contactPhone)
    {
        new IdentityProblems(RuleIds.Cus1)
            .CheckText(companyName, "company name")
            .Check(!creditCode.IsDefault, "unified social credit code is missing")
            .Check(address is not null, "address is missing")
            .CheckText(contactName, "contact name")
            .Check(!contactPhone.IsDefault, "contact phone is missing")
            .ThrowIfAny();
        return companyName!;
    }
}

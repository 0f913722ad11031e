namespace EcomRules.Customers;

/// <summary>
/// Who buys: a <see cref="BusinessBuyer"/> (CUS-1) or a <see cref="PrivateBuyer"/> (CUS-2). The hierarchy is closed;
/// both kinds validate every field when constructed and list all problems at once.
/// </summary>
/// <remarks>
/// Personal data (SEC-1): <see cref="ToString"/> returns <see cref="Masked"/>, never names in full, phone numbers
/// or ID numbers.
/// </remarks>
public abstract class CustomerIdentity
{
    private protected CustomerIdentity(string name, Address address, ChineseMobileNumber phone)
    {
        Name = name.Trim();
        Address = address;
        Phone = phone;
    }

    /// <summary>Gets the rule whose details this identity carries: CUS-1 or CUS-2.</summary>
    public abstract RuleId RuleId { get; }

    /// <summary>Gets the name that goes on the invoice: the company name or the person's name.</summary>
    public string Name { get; }

    /// <summary>Gets the address, down to street and number.</summary>
    public Address Address { get; }

    /// <summary>Gets the contact mobile number.</summary>
    public ChineseMobileNumber Phone { get; }

    /// <summary>Gets a description safe for logs and exports (SEC-1).</summary>
    public abstract string Masked { get; }

    /// <summary>Returns the <see cref="Masked"/> form (SEC-1).</summary>
    /// <returns>The masked description.</returns>
    public override string ToString() => Masked;
}

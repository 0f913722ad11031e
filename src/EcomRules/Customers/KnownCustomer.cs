using EcomRules.Internal;

namespace EcomRules.Customers;

/// <summary>An existing customer as the matcher sees it (CUS-3): its ID, invoice name and mobile number.</summary>
/// <remarks>Personal data (SEC-1): <see cref="ToString"/> masks the name and the mobile number.</remarks>
public sealed class KnownCustomer
{
    /// <summary>Creates a known customer.</summary>
    /// <param name="id">The customer ID.</param>
    /// <param name="name">The company or person name from earlier invoices.</param>
    /// <param name="mobile">The mobile number from earlier invoices, or null when none is on record.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is default, or <paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public KnownCustomer(CustomerId id, string name, ChineseMobileNumber? mobile)
    {
        Preconditions.CheckArgument(!string.IsNullOrEmpty(id.Value), nameof(id), "default(CustomerId) is no customer.");
        Id = id;
        Name = Preconditions.CheckNotBlank(name);
        Mobile = mobile is { IsDefault: true } ? null : mobile;
    }

    /// <summary>Gets the customer ID.</summary>
    public CustomerId Id { get; }

    /// <summary>Gets the company or person name.</summary>
    public string Name { get; }

    /// <summary>Gets the mobile number, or null.</summary>
    public ChineseMobileNumber? Mobile { get; }

    /// <summary>Returns the ID with the name and mobile number masked (SEC-1).</summary>
    /// <returns>The masked description.</returns>
    public override string ToString() => $"{Id} {PersonalDataMask.Name(Name)} {Mobile?.Masked}".TrimEnd();
}

namespace EcomRules.Customers;

/// <summary>
/// Matches a new order to an existing customer by its invoice details (CUS-3). For many orders against the same
/// customers, build a <see cref="CustomerIndex"/> once and call <see cref="CustomerIndex.Match"/>.
/// </summary>
/// <remarks>The 15-minute deadline of CUS-3 (SLA-1) is the SLA timer's business, not the matcher's.</remarks>
public static class CustomerMatcher
{
    /// <summary>Matches invoice details against known customers in O(n); see <see cref="CustomerIndex"/> for the rules.</summary>
    /// <param name="name">The company or customer name on the invoice.</param>
    /// <param name="mobile">The mobile number on the invoice, or null.</param>
    /// <param name="knownCustomers">The existing customers.</param>
    /// <returns>The known customer, or <see cref="CustomerMatch.New"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="knownCustomers"/> is null.</exception>
    public static CustomerMatch Match(string name, ChineseMobileNumber? mobile, IReadOnlyCollection<KnownCustomer> knownCustomers)
        => CustomerIndex.Create(knownCustomers).Match(name, mobile);
}

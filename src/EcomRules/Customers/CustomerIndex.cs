using System.Collections.Frozen;
using EcomRules.Internal;

namespace EcomRules.Customers;

/// <summary>
/// An immutable index of known customers for matching new orders by invoice name and mobile number (CUS-3).
/// Built once in O(n); each <see cref="Match"/> is O(1).
/// </summary>
/// <remarks>
/// <para>Names compare after normalisation: trimmed, white space and separators ignored, full-width letters,
/// digits and parentheses as half-width, case ignored, 有限责任公司/有限公司 and "Company Limited"/"Co., Ltd."
/// alike. Mobile numbers compare as parsed <see cref="ChineseMobileNumber"/>s.</para>
/// <para>Matching is strict, because a wrong match sends an order to someone else's account: a customer is known
/// when both name and mobile match, or, when the invoice carries no mobile number, when exactly one known customer
/// has the name. Anything else is <see cref="CustomerMatch.New"/>, which a person may correct later (CUS-3).
/// Where several customers qualify, the one with the ordinally smallest ID wins, so the result does not depend on
/// the order of the input.</para>
/// </remarks>
public sealed class CustomerIndex
{
    private readonly FrozenDictionary<(string Name, string Mobile), CustomerId> _byNameAndMobile;
    private readonly FrozenDictionary<string, CustomerId?> _byName;

    private CustomerIndex(FrozenDictionary<(string, string), CustomerId> byNameAndMobile, FrozenDictionary<string, CustomerId?> byName, int count)
    {
        _byNameAndMobile = byNameAndMobile;
        _byName = byName;
        Count = count;
    }

    /// <summary>Gets an index of no customers: every order matches <see cref="CustomerMatch.New"/>.</summary>
    public static CustomerIndex Empty { get; } = Create([]);

    /// <summary>Gets the number of customers indexed.</summary>
    public int Count { get; }

    /// <summary>Builds an index of known customers.</summary>
    /// <param name="customers">The known customers.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/> or one of its items is null.</exception>
    public static CustomerIndex Create(IEnumerable<KnownCustomer> customers)
    {
        Preconditions.CheckNotNull(customers);
        var byNameAndMobile = new Dictionary<(string, string), CustomerId>();
        var byName = new Dictionary<string, CustomerId?>(StringComparer.Ordinal);
        var count = 0;
        foreach (var customer in customers)
        {
            Preconditions.CheckNotNull(customer);
            count++;
            var name = CustomerNameKey.For(customer.Name);
            if (customer.Mobile is { } mobile)
            {
                var key = (name, mobile.Value);
                byNameAndMobile[key] = byNameAndMobile.TryGetValue(key, out var existing) ? Smaller(existing, customer.Id) : customer.Id;
            }

            // A name held by two different customers is ambiguous on its own: null marks it.
            byName[name] = byName.TryGetValue(name, out var holder) && holder != customer.Id ? null : customer.Id;
        }

        return new CustomerIndex(byNameAndMobile.ToFrozenDictionary(), byName.ToFrozenDictionary(StringComparer.Ordinal), count);
    }

    /// <summary>Matches a new order's invoice details to a known customer (CUS-3).</summary>
    /// <param name="name">The company or customer name on the invoice.</param>
    /// <param name="mobile">The mobile number on the invoice, or null when it has none.</param>
    /// <returns>The known customer, or <see cref="CustomerMatch.New"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public CustomerMatch Match(string name, ChineseMobileNumber? mobile)
    {
        Preconditions.CheckNotNull(name);
        var key = CustomerNameKey.For(name);
        if (key.Length == 0)
        {
            return CustomerMatch.New;
        }

        if (mobile is { IsDefault: false } number)
        {
            return _byNameAndMobile.TryGetValue((key, number.Value), out var id)
                ? CustomerMatch.Known(id, CustomerMatchBasis.NameAndMobile)
                : CustomerMatch.New;
        }

        return _byName.TryGetValue(key, out var only) && only is { } unique
            ? CustomerMatch.Known(unique, CustomerMatchBasis.NameOnly)
            : CustomerMatch.New;
    }

    private static CustomerId Smaller(CustomerId a, CustomerId b) => string.CompareOrdinal(a.Value, b.Value) <= 0 ? a : b;
}

using EcomRules.Customers;
using NodaTime;

namespace EcomRules.Orders;

/// <summary>Turns entered buyer details into a validated identity (CUS-1, CUS-2), collecting every problem.</summary>
internal static class BuyerParser
{
    public static (CustomerIdentity? Identity, RuleId RuleId, IReadOnlyList<string> Problems) Parse(BuyerDetails details, LocalDate today)
    {
        var ruleId = details.Kind == BuyerKind.Business ? RuleIds.Cus1 : RuleIds.Cus2;
        List<string>? problems = null; // created by the first problem: a valid buyer allocates no list
        if (!Enum.IsDefined(details.Kind))
        {
            return (null, RuleIds.Cus1, ["the buyer is neither a business nor a private person"]);
        }

        var address = ParseAddress(details, ref problems);
        if (details.Kind == BuyerKind.Business)
        {
            try
            {
                return problems is null
                    ? (BusinessBuyer.Create(details.Name, details.CreditCode, address, details.ContactName, details.Mobile), ruleId, [])
                    : (null, ruleId, problems);
            }
            catch (CustomerIdentityException e)
            {
                return (null, ruleId, [.. problems ?? [], .. e.Problems]);
            }
        }

        if (string.IsNullOrWhiteSpace(details.Name))
        {
            (problems ??= []).Add("the buyer's name is missing");
        }

        var residentId = Try(details, today, static (d, t) => ResidentIdNumber.Parse(d.ResidentId ?? string.Empty, t), "resident ID number", ref problems);
        var postal = Try(details, today, static (d, _) => PostalCode.Parse(d.PostalCode ?? string.Empty), "postal code", ref problems);
        var mobile = Try(details, today, static (d, _) => ChineseMobileNumber.Parse(d.Mobile ?? string.Empty), "mobile number", ref problems);
        return problems is null
            ? (new PrivateBuyer(details.Name, residentId, postal, address!, mobile), ruleId, [])
            : (null, ruleId, problems);
    }

    private static Address? ParseAddress(BuyerDetails details, ref List<string>? problems)
    {
        if (!Province.TryParse(details.Province, out var province))
        {
            (problems ??= []).Add("the province is not a province of China");
            return null;
        }

        try
        {
            PostalCode? postal = PostalCode.TryParse(details.PostalCode, out var code) ? code : null;
            return new Address(province, details.City, details.District, details.Street, postal);
        }
        catch (ArgumentException e)
        {
            (problems ??= []).Add($"the address is incomplete ({FirstSentence(e.Message)})");
            return null;
        }
    }

    // Static parsers with the details passed in: no closure or delegate per order.
    private static T Try<T>(BuyerDetails details, LocalDate today, Func<BuyerDetails, LocalDate, T> parse, string field, ref List<string>? problems)
    {
        try
        {
            return parse(details, today);
        }
        catch (ArgumentException e)
        {
            // The identity exceptions never repeat the number itself (SEC-1).
            (problems ??= []).Add($"the {field} is not valid ({FirstSentence(e.Message)})");
            return default!;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        // The refusal names CUS-1 or CUS-2 as its RuleId; the sentence does not repeat it.
        return (end < 0 ? message : message[..end]).TrimEnd('.')
            .Replace(" (CUS-1)", string.Empty, StringComparison.Ordinal).Replace(" (CUS-2)", string.Empty, StringComparison.Ordinal);
    }
}

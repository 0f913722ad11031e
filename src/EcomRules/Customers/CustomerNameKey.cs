using System.Text;

namespace EcomRules.Customers;

/// <summary>
/// The comparison key of a company or person name for customer matching (CUS-3): full-width letters, digits and
/// punctuation become half-width (（ → (), case is ignored, white space and separating punctuation are dropped,
/// and common company-form spellings are unified (有限责任公司 = 有限公司, "Company Limited" = "Co., Ltd.").
/// </summary>
internal static class CustomerNameKey
{
    private static readonly (string From, string To)[] CompanyForms =
    [
        ("有限责任公司", "有限公司"),
        ("companylimited", "coltd"),
        ("colimited", "coltd"),
        ("companyltd", "coltd"),
    ];

    internal static string For(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var raw in name)
        {
            var c = ToHalfWidth(raw);
            if (char.IsWhiteSpace(c) || c is '.' or ',' or '·' or '、' or '，' or '。' or '-' or '_')
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        // Company forms often sit before a branch in parentheses (…有限公司（南山）), so they are unified anywhere.
        var key = builder.ToString();
        foreach (var (from, to) in CompanyForms)
        {
            key = key.Replace(from, to, StringComparison.Ordinal);
        }

        return key;
    }

    // U+FF01–U+FF5E mirror ASCII 0x21–0x7E; U+3000 is the ideographic space.
    private static char ToHalfWidth(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '【' => '(',
        '】' => ')',
        _ => c,
    };
}

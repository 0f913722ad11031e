using EcomRules.Customers;
using EcomRules.Orders;

namespace EcomRules.Testing;

/// <summary>
/// Valid buyer details for tests and demos: a private buyer whose resident ID number carries a correct check digit
/// (CUS-2) and a business buyer with a valid unified social credit code (CUS-1). The data is fictitious.
/// </summary>
public static class SampleBuyers
{
    /// <summary>Gets a private buyer (CUS-2) in <paramref name="province"/>.</summary>
    /// <param name="province">The delivery province, by name or code. The default is Zhejiang (main warehouse, WH-1).</param>
    /// <returns>The buyer's details.</returns>
    public static BuyerDetails Private(string province = "Zhejiang") => new()
    {
        Kind = BuyerKind.Private,
        Name = "张三",
        ResidentId = ResidentId("110105", "19900307", "123"),
        Mobile = "13812345678",
        Province = province,
        City = "杭州市",
        District = "西湖区",
        Street = "文三路 100 号",
        PostalCode = "310012",
    };

    /// <summary>Gets a business buyer (CUS-1) in <paramref name="province"/>.</summary>
    /// <param name="province">The delivery province, by name or code. The default is Guangdong (main warehouse, WH-1).</param>
    /// <returns>The buyer's details.</returns>
    public static BuyerDetails Business(string province = "Guangdong") => new()
    {
        Kind = BuyerKind.Business,
        Name = "深圳市某某科技有限公司",
        CreditCode = "91440300708461136T",
        ContactName = "李四",
        Mobile = "13912345678",
        Province = province,
        City = "深圳市",
        District = "南山区",
        Street = "科技园路 1 号",
        PostalCode = "518000",
    };

    /// <summary>Builds a resident ID number with its correct check character (CUS-2).</summary>
    /// <param name="region">The 6-digit region code.</param>
    /// <param name="birthDate">The birth date as <c>yyyyMMdd</c>.</param>
    /// <param name="sequence">The 3-digit sequence number.</param>
    /// <returns>The 18-character number.</returns>
    public static string ResidentId(string region, string birthDate, string sequence)
    {
        var body = region + birthDate + sequence;
        return body + ResidentIdNumber.ComputeCheckCharacter(body);
    }
}

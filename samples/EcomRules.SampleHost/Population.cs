using System.Globalization;
using EcomRules.Customers;
using EcomRules.Orders;

namespace EcomRules.SampleHost;

/// <summary>
/// Generated customers across the mainland provinces (so WH-1 routes to both warehouses): private buyers with
/// valid resident ID numbers (CUS-2) and businesses with valid unified social credit codes (CUS-1). Deterministic
/// for a seed. A few carry mistakes on purpose, to show refusals naming CUS-1/CUS-2.
/// </summary>
internal sealed class Population
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞"];
    private static readonly string[] Trades = ["汽配", "贸易", "物流", "机电", "汽车服务", "配件"];

    private readonly BuyerDetails[] _buyers;

    public Population(int seed, int size)
    {
        var random = new Random(seed);
        var provinces = Province.All.Where(p => p.Code < 70).ToArray(); // mainland: Taiwan, Hong Kong, Macau ship cross-border
        _buyers = new BuyerDetails[size];
        for (var i = 0; i < size; i++)
        {
            var province = provinces[random.Next(provinces.Length)];
            _buyers[i] = random.Next(5) == 0 ? Business(random, province, i) : Private(random, province);
        }
    }

    public BuyerDetails Pick(Random random)
    {
        var buyer = _buyers[random.Next(_buyers.Length)];

        // About one order in 150 comes with a mistyped ID number: refused naming CUS-1 or CUS-2.
        return random.Next(150) == 0 ? Mistyped(buyer) : buyer;
    }

    private static BuyerDetails Private(Random random, Province province)
    {
        var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
        var region = province.Code.ToString("00", CultureInfo.InvariantCulture) + "0102";
        var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(365 * 44));
        var body = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(1000).ToString("000", CultureInfo.InvariantCulture);
        return new BuyerDetails
        {
            Kind = BuyerKind.Private,
            Name = name,
            ResidentId = body + ResidentIdNumber.ComputeCheckCharacter(body),
            Mobile = Mobile(random),
            Province = province.EnglishName,
            City = province.ChineseShortName + "市",
            District = "中心区",
            Street = $"人民路 {random.Next(1, 999)} 号",
            PostalCode = (province.Code * 10000 + random.Next(10000)).ToString("000000", CultureInfo.InvariantCulture),
        };
    }

    private static BuyerDetails Business(Random random, Province province, int index)
    {
        var org = new char[9];
        for (var i = 0; i < 8; i++)
        {
            org[i] = random.Next(3) == 0 ? (char)('A' + random.Next(8)) : (char)('0' + random.Next(10));
        }

        org[8] = UnifiedSocialCreditCode.ComputeOrganizationCodeCheckCharacter(org.AsSpan(0, 8));
        var first17 = "91" + province.Code.ToString("00", CultureInfo.InvariantCulture) + "0100" + new string(org);
        return new BuyerDetails
        {
            Kind = BuyerKind.Business,
            Name = $"{province.ChineseShortName}{Trades[index % Trades.Length]}有限公司{index}",
            CreditCode = first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17),
            ContactName = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
            Mobile = Mobile(random),
            Province = province.EnglishName,
            City = province.ChineseShortName + "市",
            District = "开发区",
            Street = $"工业大道 {random.Next(1, 300)} 号",
            PostalCode = (province.Code * 10000 + random.Next(10000)).ToString("000000", CultureInfo.InvariantCulture),
        };
    }

    private static BuyerDetails Mistyped(BuyerDetails buyer) => buyer.Kind == BuyerKind.Private
        ? buyer with { ResidentId = Swap(buyer.ResidentId!) }
        : buyer with { CreditCode = Swap(buyer.CreditCode!) };

    private static string Swap(string number)
    {
        // One changed digit: both check-character schemes detect every single-character error.
        var chars = number.ToCharArray();
        chars[5] = (char)(((chars[5] - '0' + 1) % 10) + '0');
        return new string(chars);
    }

    private static string Mobile(Random random)
        => "1" + "3456789"[random.Next(7)] + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
}

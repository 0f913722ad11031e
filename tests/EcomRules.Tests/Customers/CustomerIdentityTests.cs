using EcomRules.Customers;
using NodaTime;

namespace EcomRules.Tests.Customers;

public sealed class CustomerIdentityTests
{
    private static readonly Address Shenzhen = new(Province.Guangdong, "深圳市", "南山区", "科技园路1号", PostalCode.Parse("518000"));
    private static readonly ChineseMobileNumber Mobile = ChineseMobileNumber.Parse("13812345678");

    [Fact]
    [Trait("Rule", "CUS-1")]
    public void CUS1_BusinessBuyer_WithAllDetails_IsCreated()
    {
        var buyer = new BusinessBuyer("深圳某某科技有限公司", UnifiedSocialCreditCode.Parse("91440300708461136T"), Shenzhen, "王小明", Mobile);
        Assert.Equal(RuleIds.Cus1, buyer.RuleId);
        Assert.Equal("王小明", buyer.ContactName);
    }

    [Fact]
    [Trait("Rule", "CUS-1")]
    public void CUS1_BusinessBuyer_MissingDetails_AreAllListed()
    {
        var ex = Assert.Throws<CustomerIdentityException>(() => new BusinessBuyer(" ", default, Shenzhen, "", default));
        Assert.Equal(RuleIds.Cus1, ex.RuleId);
        Assert.Equal(4, ex.Problems.Count);
    }

    [Fact]
    [Trait("Rule", "CUS-1")]
    public void CUS1_BusinessBuyer_Create_ListsEveryInvalidField()
    {
        var ex = Assert.Throws<CustomerIdentityException>(() => BusinessBuyer.Create("Acme", "91440300708461136X", null, "王小明", "12345"));
        Assert.Equal(3, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Contains("check character expected T, got X", StringComparison.Ordinal));
        Assert.NotNull(BusinessBuyer.Create("Acme", "91440300708461136T", Shenzhen, "王小明", "+86 138 1234 5678"));
    }

    [Fact]
    [Trait("Rule", "CUS-2")]
    public void CUS2_PrivateBuyer_MissingDetails_AreAllListed()
    {
        var ex = Assert.Throws<CustomerIdentityException>(() => new PrivateBuyer("", default, default, Shenzhen, default));
        Assert.Equal(RuleIds.Cus2, ex.RuleId);
        Assert.Equal(5, ex.Problems.Count); // name, ID, postal code, postal code mismatch with the address, mobile
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_PrivateBuyer_ToString_MasksPersonalData()
    {
        var id = ResidentIdNumber.Parse("440304199001011233", new LocalDate(2025, 1, 1));
        var buyer = new PrivateBuyer("张三丰", id, PostalCode.Parse("518000"), Shenzhen, Mobile);
        var text = buyer.ToString();
        Assert.DoesNotContain("张三丰", text, StringComparison.Ordinal);
        Assert.DoesNotContain(id.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain("19900101", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Mobile.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain("科技园", text, StringComparison.Ordinal);
        Assert.Contains("张**", text, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_BusinessBuyer_ToString_MasksTheContact()
    {
        var buyer = new BusinessBuyer("Acme Ltd", UnifiedSocialCreditCode.Parse("91440300708461136T"), Shenzhen, "王小明", Mobile);
        Assert.DoesNotContain("王小明", buyer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Mobile.Value, buyer.ToString(), StringComparison.Ordinal);
        Assert.Contains("Acme Ltd", buyer.ToString(), StringComparison.Ordinal);
    }
}

using EcomRules.Customers;

namespace EcomRules.Tests.Customers;

public sealed class AddressTests
{
    [Fact]
    [Trait("Rule", "CUS-1")]
    public void CUS1_StreetLine_IsRequired()
    {
        Assert.Throws<ArgumentException>(() => new Address(Province.Guangdong, "深圳市", "南山区", "  "));
        Assert.Throws<ArgumentException>(() => new Address(Province.Guangdong, " ", "南山区", "科技园路1号"));
        Assert.Throws<ArgumentException>(() => new Address(default, "深圳市", "南山区", "科技园路1号"));
    }

    [Fact]
    public void FullText_IsInChineseOrder()
    {
        var address = new Address(Province.Guangdong, "深圳市", "南山区", "科技园路1号", PostalCode.Parse("518000"));
        Assert.Equal("广东省 深圳市 南山区 科技园路1号", address.FullText);
        Assert.Equal(address, new Address(Province.Guangdong, " 深圳市", "南山区 ", "科技园路1号", PostalCode.Parse("518000")));
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_ToString_KeepsProvinceAndCity_HidesTheRest()
    {
        var address = new Address(Province.Guangdong, "深圳市", "南山区", "科技园路1号", PostalCode.Parse("518000"));
        Assert.Equal("广东省 深圳市 ***", address.ToString());
        Assert.DoesNotContain("科技园", address.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("518000", address.ToString(), StringComparison.Ordinal);
    }
}

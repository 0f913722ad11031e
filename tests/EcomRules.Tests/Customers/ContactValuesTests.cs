using EcomRules.Customers;

namespace EcomRules.Tests.Customers;

public sealed class ContactValuesTests
{
    [Theory]
    [InlineData("100000")]
    [InlineData(" 518000 ")]
    [Trait("Rule", "CUS-2")]
    public void CUS2_PostalCode_SixDigits_Parses(string text)
        => Assert.Equal(text.Trim(), PostalCode.Parse(text).Value);

    [Theory]
    [InlineData("10000", null)]
    [InlineData("1000000", null)]
    [InlineData("10A000", 3)]
    [Trait("Rule", "CUS-2")]
    public void CUS2_PostalCode_Malformed_IsRefused(string text, int? position)
    {
        var ex = Assert.Throws<InvalidIdentityNumberException>(() => PostalCode.Parse(text));
        Assert.Equal(RuleIds.Cus2, ex.RuleId);
        Assert.Equal(IdentityNumberKind.PostalCode, ex.Kind);
        Assert.Equal(position, ex.Position);
        Assert.False(PostalCode.TryParse(text, out _));
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("0086-138-0013-8000")]
    [InlineData("138-0013-8000")]
    public void Mobile_PrefixesAndSeparators_AreStripped(string text)
        => Assert.Equal("13800138000", ChineseMobileNumber.Parse(text).Value);

    [Theory]
    [InlineData("1380013800")]
    [InlineData("12800138000")]
    [InlineData("23800138000")]
    [InlineData("010-12345678")]
    public void Mobile_Malformed_IsRefused(string text)
    {
        Assert.False(ChineseMobileNumber.TryParse(text, out _));
        Assert.Throws<InvalidIdentityNumberException>(() => ChineseMobileNumber.Parse(text));
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_Mobile_ToString_IsMasked()
    {
        var mobile = ChineseMobileNumber.Parse("13812345678");
        Assert.Equal("138****5678", mobile.ToString());
        Assert.Equal("13812345678", mobile.Value);
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_Mobile_ErrorMessage_IsMasked()
    {
        var ex = Assert.Throws<InvalidIdentityNumberException>(() => ChineseMobileNumber.Parse("12812345678"));
        Assert.DoesNotContain("12812345678", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("李", "*")]
    [InlineData("  Wang Wei ", "W*******")]
    [InlineData("", "")]
    [Trait("Rule", "SEC-1")]
    public void SEC1_PersonalDataMask_Name_KeepsOnlyTheFirstCharacter(string name, string masked)
        => Assert.Equal(masked, PersonalDataMask.Name(name));

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_PersonalDataMask_ShortValues_AreMaskedEntirely()
        => Assert.Equal("****", PersonalDataMask.Keep("1234", 3, 4));
}

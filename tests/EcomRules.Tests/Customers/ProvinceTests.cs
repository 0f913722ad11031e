using EcomRules.Customers;

namespace EcomRules.Tests.Customers;

public sealed class ProvinceTests
{
    [Fact]
    public void All_HasThe34ProvincialLevelDivisions_WithDistinctCodes()
    {
        Assert.Equal(34, Province.All.Count);
        Assert.Equal(34, Province.All.Select(p => p.Code).Distinct().Count());
        Assert.Equal(11, Province.All[0].Code);
        Assert.Equal(82, Province.All[^1].Code);
    }

    [Theory]
    [InlineData("11", 11)]
    [InlineData("65", 65)]
    [InlineData("Inner Mongolia", 15)]
    [InlineData("inner mongolia", 15)]
    [InlineData("Nei Mongol", 15)]
    [InlineData("内蒙古自治区", 15)]
    [InlineData("内蒙古", 15)]
    [InlineData("Tibet", 54)]
    [InlineData("XIZANG", 54)]
    [InlineData("西藏", 54)]
    [InlineData("Guangdong Province", 44)]
    [InlineData("  广东省 ", 44)]
    [InlineData("Shaanxi", 61)]
    [InlineData("Shanxi", 14)]
    [InlineData("Hong Kong", 81)]
    [InlineData("Macao", 82)]
    [InlineData("台湾", 71)]
    public void Parse_AcceptsCodesAndNames(string text, int code)
    {
        Assert.Equal(code, Province.Parse(text).Code);
        Assert.True(Province.TryParse(text, out var parsed));
        Assert.Equal(Province.FromCode(code), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Atlantis")]
    [InlineData("99")]
    [InlineData("16")]
    [InlineData("蒙古")]
    public void Parse_Unknown_ThrowsTypedExceptionNamingTheInput(string text)
    {
        Assert.False(Province.TryParse(text, out _));
        var ex = Assert.Throws<UnknownProvinceException>(() => Province.Parse(text));
        Assert.Equal(text, ex.Input);
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_AreExposed()
    {
        Assert.Equal("Inner Mongolia", Province.InnerMongolia.EnglishName);
        Assert.Equal("内蒙古自治区", Province.InnerMongolia.ChineseName);
        Assert.Equal("内蒙古", Province.InnerMongolia.ChineseShortName);
        Assert.Equal("Xinjiang", Province.Xinjiang.ToString());
        Assert.True(default(Province).IsDefault);
    }
}

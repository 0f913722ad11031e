using EcomRules.Customers;
using NodaTime;

namespace EcomRules.Tests.Customers;

[Trait("Rule", "CUS-2")]
public sealed class ResidentIdNumberTests
{
    private static readonly LocalDate Today = new(2025, 6, 1);

    [Fact]
    public void CUS2_StandardExample_WithXCheckDigit_Parses()
    {
        var id = ResidentIdNumber.Parse("11010519491231002x", Today);
        Assert.Equal("11010519491231002X", id.Value);
        Assert.Equal(new LocalDate(1949, 12, 31), id.BirthDate);
        Assert.Equal(11, id.ProvinceCode);
        Assert.Equal(Province.Beijing, id.Province);
        Assert.Equal("110105", id.RegionCode);
        Assert.Equal(Sex.Female, id.Sex);
    }

    [Fact]
    public void CUS2_OddSeventeenthDigit_IsMale()
        => Assert.Equal(Sex.Male, ResidentIdNumber.Parse("440304199001011233", Today).Sex);

    [Fact]
    public void CUS2_WrongCheckDigit_SaysExpectedAndGot()
    {
        var ex = Assert.Throws<InvalidIdentityNumberException>(() => ResidentIdNumber.Parse("110105194912310021", Today));
        Assert.Equal(RuleIds.Cus2, ex.RuleId);
        Assert.Equal(18, ex.Position);
        Assert.Equal("check character expected X, got 1", ex.Reason);
    }

    [Fact]
    public void CUS2_ImpossibleBirthDate_19990230_IsRefused_EvenWithCorrectCheck()
    {
        var ex = Assert.Throws<InvalidIdentityNumberException>(() => ResidentIdNumber.Parse("110105199902301237", Today));
        Assert.Equal(7, ex.Position);
        Assert.Contains("not a calendar date", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11010518991231002X")] // before 1900
    [InlineData("110105203001011232")] // after today
    public void CUS2_ImplausibleBirthDate_IsRefused(string body17AndAnything)
    {
        var body = body17AndAnything[..17];
        var text = body + ResidentIdNumber.ComputeCheckCharacter(body);
        Assert.False(ResidentIdNumber.TryParse(text, Today, out _));
        Assert.Equal(7, Assert.Throws<InvalidIdentityNumberException>(() => ResidentIdNumber.Parse(text, Today)).Position);
    }

    [Fact]
    public void CUS2_UnknownProvinceCode_IsRefused()
    {
        var body = "99010519491231002";
        Assert.False(ResidentIdNumber.TryParse(body + ResidentIdNumber.ComputeCheckCharacter(body), Today, out _));
    }

    [Theory]
    [InlineData("11010519491231002", null)]
    [InlineData("1101051949123100A2", 17)]
    [InlineData("11010519491231002Y", 18)]
    public void CUS2_BadLengthOrCharacter_IsRefused(string text, int? position)
        => Assert.Equal(position, Assert.Throws<InvalidIdentityNumberException>(() => ResidentIdNumber.Parse(text, Today)).Position);

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_ToString_IsMasked_ValueIsFull()
    {
        var id = ResidentIdNumber.Parse("11010519491231002X", Today);
        Assert.Equal("110105********002X", id.ToString());
        Assert.Equal(id.Masked, id.ToString());
        Assert.Equal(id.Masked, $"{id}");
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_ErrorMessage_DoesNotLeakTheBirthDigits()
    {
        var ex = Assert.Throws<InvalidIdentityNumberException>(() => ResidentIdNumber.Parse("110105199902301237", Today));
        Assert.DoesNotContain("19990230", ex.Message, StringComparison.Ordinal);
    }
}

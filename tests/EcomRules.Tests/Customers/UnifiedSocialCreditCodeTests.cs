using EcomRules.Customers;

namespace EcomRules.Tests.Customers;

[Trait("Rule", "CUS-1")]
public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91440300708461136T")]
    [InlineData("91110108551385082Q")]
    [InlineData(" 91350100m000100y43 ")]
    public void CUS1_KnownValidCodes_Parse(string text)
    {
        var code = UnifiedSocialCreditCode.Parse(text);
        Assert.Equal(text.Trim().ToUpperInvariant(), code.Value);
        Assert.True(UnifiedSocialCreditCode.TryParse(text, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void CUS1_Parts_AreExposed()
    {
        var code = UnifiedSocialCreditCode.Parse("91350100M000100Y43");
        Assert.Equal('9', code.RegistrationAuthority);
        Assert.Equal('1', code.EntityType);
        Assert.Equal("350100", code.AdministrativeDivisionCode);
        Assert.Equal("M000100Y4", code.OrganizationCode);
        Assert.Equal("91350100M000100Y43", code.ToString());
    }

    [Fact]
    public void CUS1_WrongCheckCharacter_SaysExpectedAndGot()
    {
        // 911100001000084445 is sometimes quoted as valid; its check character computes to T, not 5.
        var ex = Assert.Throws<InvalidIdentityNumberException>(() => UnifiedSocialCreditCode.Parse("911100001000084445"));
        Assert.Equal(RuleIds.Cus1, ex.RuleId);
        Assert.Equal(IdentityNumberKind.UnifiedSocialCreditCode, ex.Kind);
        Assert.False(UnifiedSocialCreditCode.TryParse("911100001000084445", out _));
    }

    [Fact]
    public void CUS1_WrongFinalCheck_ReportsPosition18()
    {
        var ex = Assert.Throws<InvalidIdentityNumberException>(() => UnifiedSocialCreditCode.Parse("91350100M000100Y44"));
        Assert.Equal(18, ex.Position);
        Assert.Equal("check character expected 3, got 4", ex.Reason);
        Assert.Contains("CUS-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CUS1_WrongOrganizationCodeCheck_ReportsPosition17()
    {
        var first16 = "91350100M000100Y";
        var body = first16 + "5";
        var text = body + UnifiedSocialCreditCode.ComputeCheckCharacter(body);
        var ex = Assert.Throws<InvalidIdentityNumberException>(() => UnifiedSocialCreditCode.Parse(text));
        Assert.Equal(17, ex.Position);
        Assert.Equal("check character expected 4, got 5", ex.Reason);
    }

    [Theory]
    [InlineData("91350100M000100Y4", null)]
    [InlineData("91350100M000100Y433", null)]
    [InlineData("I1350100M000100Y43", 1)]
    [InlineData("91350100M0001O0Y43", 14)]
    [InlineData("9135A100M000100Y43", 5)]
    public void CUS1_BadLengthOrCharacter_IsRefused(string text, int? position)
    {
        var ex = Assert.Throws<InvalidIdentityNumberException>(() => UnifiedSocialCreditCode.Parse(text));
        Assert.Equal(position, ex.Position);
        Assert.False(UnifiedSocialCreditCode.TryParse(text, out _));
    }

    [Fact]
    public void CUS1_Null_TryParseIsFalse()
        => Assert.False(UnifiedSocialCreditCode.TryParse(null, out _));
}

using EcomRules.Customers;

namespace EcomRules.Tests.Customers;

[Trait("Rule", "CUS-3")]
public sealed class CustomerMatcherTests
{
    private static readonly ChineseMobileNumber Mobile = ChineseMobileNumber.Parse("13812345678");
    private static readonly ChineseMobileNumber OtherMobile = ChineseMobileNumber.Parse("13900001111");

    private static readonly KnownCustomer[] Known =
    [
        new(new CustomerId("C-1"), "深圳市某某科技有限公司（南山）", Mobile),
        new(new CustomerId("C-2"), "Acme Trading Co., Ltd.", OtherMobile),
        new(new CustomerId("C-3"), "张伟", Mobile),
        new(new CustomerId("C-4"), "张伟", OtherMobile),
    ];

    [Theory]
    [InlineData("深圳市某某科技有限公司(南山)")]
    [InlineData("  深圳市某某科技有限责任公司（南山） ")]
    public void CUS3_NameVariantsAndMobile_MatchTheKnownCustomer(string name)
    {
        var match = CustomerMatcher.Match(name, ChineseMobileNumber.Parse("+86 138-1234-5678"), Known);
        Assert.True(match.IsKnown);
        Assert.Equal(new CustomerId("C-1"), match.CustomerId);
        Assert.Equal(CustomerMatchBasis.NameAndMobile, match.Basis);
    }

    [Theory]
    [InlineData("ACME   trading company limited")]
    [InlineData("ＡＣＭＥ Ｔｒａｄｉｎｇ Ｃｏ．，Ｌｔｄ．")]
    public void CUS3_FullWidthCaseAndSuffixVariants_Match(string name)
        => Assert.Equal(new CustomerId("C-2"), CustomerIndex.Create(Known).Match(name, OtherMobile).CustomerId);

    [Fact]
    public void CUS3_SameNameDifferentMobile_IsNew()
        => Assert.Equal(CustomerMatch.New, CustomerIndex.Create(Known).Match("Acme Trading Co., Ltd.", Mobile));

    [Fact]
    public void CUS3_UnknownName_IsNew()
        => Assert.False(CustomerMatcher.Match("Unknown Co", Mobile, Known).IsKnown);

    [Fact]
    public void CUS3_NoMobile_MatchesOnlyAUniqueName()
    {
        var index = CustomerIndex.Create(Known);
        Assert.Equal(CustomerMatch.Known(new CustomerId("C-2"), CustomerMatchBasis.NameOnly), index.Match("acme trading co ltd", null));
        Assert.Equal(CustomerMatch.New, index.Match("张伟", null)); // two customers share the name
    }

    [Fact]
    public void CUS3_HomonymsAreTellApartByMobile()
    {
        var index = CustomerIndex.Create(Known);
        Assert.Equal(new CustomerId("C-3"), index.Match("张 伟", Mobile).CustomerId);
        Assert.Equal(new CustomerId("C-4"), index.Match("张伟", OtherMobile).CustomerId);
    }

    [Fact]
    public void CUS3_DuplicateRecords_ResolveToTheSmallestId_WhateverTheOrder()
    {
        KnownCustomer[] duplicates = [new(new CustomerId("B"), "X", Mobile), new(new CustomerId("A"), "x", Mobile)];
        Assert.Equal(new CustomerId("A"), CustomerMatcher.Match("X", Mobile, duplicates).CustomerId);
        Assert.Equal(new CustomerId("A"), CustomerMatcher.Match("X", Mobile, duplicates.Reverse().ToArray()).CustomerId);
    }

    [Fact]
    public void CUS3_EmptyIndex_AlwaysNew()
        => Assert.Equal(CustomerMatch.New, CustomerIndex.Empty.Match("张伟", Mobile));

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_KnownCustomer_ToString_IsMasked()
        => Assert.Equal("C-3 张* 138****5678", Known[2].ToString());
}

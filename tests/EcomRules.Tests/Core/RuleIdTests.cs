namespace EcomRules.Tests.Core;

public sealed class RuleIdTests
{
    [Theory]
    [InlineData("ORD-2", "ORD")]
    [InlineData("SLA-8", "SLA")]
    [InlineData("WH-1", "WH")]
    public void WellFormedIds_Parse(string text, string family)
    {
        var id = new RuleId(text);
        Assert.Equal(text, id.Value);
        Assert.Equal(family, id.Family);
        Assert.True(RuleId.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ord-2")]
    [InlineData("ORD2")]
    [InlineData("ORD-")]
    [InlineData("ORD-0")]
    [InlineData("O-1")]
    [InlineData("ORDERS-1")]
    [InlineData("ORD-1a")]
    public void MalformedIds_AreRefused(string text)
    {
        Assert.Throws<ArgumentException>(() => new RuleId(text));
        Assert.False(RuleId.TryParse(text, out _));
    }

    [Fact]
    public void Catalogue_ListsEveryRuleOfRulesMd()
    {
        var fields = typeof(RuleIds).GetFields().Select(f => (RuleId)f.GetValue(null)!).Select(r => r.Value).ToHashSet(StringComparer.Ordinal);
        var rulesMd = FindRulesMd();
        var documented = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(rulesMd), @"^- \*\*([A-Z]+-\d+)\*\*", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(documented);
        Assert.Equal(documented.Order(StringComparer.Ordinal), fields.Order(StringComparer.Ordinal));
    }

    private static string FindRulesMd()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "RULES.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // The catalogue is copied next to the solution's parent folder by CI (../shared).
        throw new FileNotFoundException("RULES.md was not found in a 'shared' folder above the test binaries.");
    }
}

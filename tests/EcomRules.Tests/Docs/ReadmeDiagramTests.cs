using System.Text.RegularExpressions;
using EcomRules.Orders;
using EcomRules.Refunds;
using EcomRules.Returns;

namespace EcomRules.Tests.Docs;

/// <summary>
/// The README's workflow diagrams are generated from the live definitions: this test fails when they drift.
/// Run it with <c>ECOMRULES_UPDATE_DOCS=1</c> to rewrite the diagrams in place.
/// </summary>
public sealed class ReadmeDiagramTests
{
    public static TheoryData<string> Workflows => ["order", "return", "refund", "complaint"];

    [Theory]
    [MemberData(nameof(Workflows))]
    [Trait("Rule", "ORD-1")]
    public void ReadmeDiagram_MatchesTheLiveDefinition(string workflow)
    {
        var readme = FindReadme();
        var text = File.ReadAllText(readme);
        var expected = Block(workflow, Generate(workflow));
        var pattern = BlockPattern(workflow);
        var match = pattern.Match(text);
        Assert.True(match.Success, $"README.md has no '<!-- mermaid:{workflow} -->' … '<!-- /mermaid:{workflow} -->' block.");
        if (match.Value != expected && Environment.GetEnvironmentVariable("ECOMRULES_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(readme, text.Replace(match.Value, expected, StringComparison.Ordinal));
            return;
        }

        Assert.Equal(expected, match.Value);
    }

    private static string Generate(string workflow) => workflow switch
    {
        "order" => OrderWorkflow.Definition.ToMermaid(),
        "return" => ReturnWorkflow.Definition.ToMermaid(),
        "refund" => RefundWorkflow.Definition.ToMermaid(),
        "complaint" => EcomRules.Complaints.ComplaintWorkflow.Definition.ToMermaid(),
        _ => throw new ArgumentOutOfRangeException(nameof(workflow)),
    };

    private static string Block(string workflow, string mermaid)
        => $"<!-- mermaid:{workflow} -->\n```mermaid\n{mermaid}```\n<!-- /mermaid:{workflow} -->";

    private static Regex BlockPattern(string workflow)
        => new($"<!-- mermaid:{workflow} -->.*?<!-- /mermaid:{workflow} -->", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    internal static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcomRules.sln")))
            {
                return Path.Combine(dir.FullName, "README.md");
            }
        }

        throw new FileNotFoundException("EcomRules.sln was not found above the test binaries.");
    }
}

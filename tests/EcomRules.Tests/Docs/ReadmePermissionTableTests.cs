using System.Text.RegularExpressions;
using System.Text;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Policies;

namespace EcomRules.Tests.Docs;

/// <summary>
/// The README's default permission table (SEC-2) is generated from the engine's table: this test fails when it drifts.
/// Run it with <c>ECOMRULES_UPDATE_DOCS=1</c> to rewrite the table in place.
/// </summary>
public sealed class ReadmePermissionTableTests
{
    private static readonly Regex Pattern = new("<!-- permissions -->.*?<!-- /permissions -->", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    [Fact]
    [Trait("Rule", "SEC-2")]
    public void SEC2_the_readmes_default_table_is_the_engines()
    {
        var readme = ReadmeDiagramTests.FindReadme();
        var text = File.ReadAllText(readme);
        var expected = Table(EcomEngine.PermissionsFor(EcomPolicy.RetailPlatform));
        var match = Pattern.Match(text);
        Assert.True(match.Success, "README.md has no '<!-- permissions -->' … '<!-- /permissions -->' block.");
        if (match.Value != expected && Environment.GetEnvironmentVariable("ECOMRULES_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(readme, text.Replace(match.Value, expected, StringComparison.Ordinal));
            return;
        }

        Assert.Equal(expected, match.Value);
    }

    private static string Table(CommandPermissions table)
    {
        var text = new StringBuilder("<!-- permissions -->\n| command | roles that may issue it |\n| --- | --- |\n");
        foreach (var command in table.Commands)
        {
            text.Append("| `").Append(command).Append("` | ").AppendJoin(", ", table.RolesFor(command).Select(r => "`" + r.Value + "`")).Append(" |\n");
        }

        return text.Append("<!-- /permissions -->").ToString();
    }
}

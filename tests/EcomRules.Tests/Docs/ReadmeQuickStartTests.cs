using System.Text.RegularExpressions;
using EcomRules.Tests.Packaging;

namespace EcomRules.Tests.Docs;

/// <summary>
/// The README's quick start compiles and runs as written: its <c>Program.cs</c> block, with the packages its
/// <c>dotnet add package</c> lines name, in a new console project restored from the packed packages; and it prints
/// the lines the README says it prints, on the first run and on a second run on the same database.
/// </summary>
[Collection(PackedPackages.Collection)]
public sealed partial class ReadmeQuickStartTests(PackedPackages packages)
{
    [Fact]
    [Trait("Category", "Packaging")]
    public async Task QuickStart_CompilesAndPrintsWhatTheReadmeShows()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(packages.Root, "README.md"));
        var section = readme[readme.IndexOf("## Quick start", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var added = AddPackage().Matches(section).Select(m => m.Groups[1].Value).ToArray();
        var program = Block(section, "<!-- quick-start -->", "csharp");
        var expected = Block(section, "<!-- quick-start-output -->", "text").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["EcomRules.Hosting", "Microsoft.Extensions.Hosting"], added);
        var first = await packages.RunConsumerAsync("QuickStart", added, program);
        var second = await packages.RunConsumerAgainAsync("QuickStart");

        AssertPrints(expected, first);
        AssertPrints(expected, second);
    }

    /// <summary>Each expected line matches an output line, in order; '…' in an expected line stands for any text.</summary>
    private static void AssertPrints(string[] expected, string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var at = 0;
        foreach (var line in expected)
        {
            var pattern = new Regex("^" + string.Join(".*", line.Split('…').Select(Regex.Escape)) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
            while (at < lines.Length && !pattern.IsMatch(lines[at]))
            {
                at++;
            }

            Assert.True(at < lines.Length, $"The quick start did not print '{line}' (in order). It printed:\n{output}");
            at++;
        }
    }

    private static string Block(string text, string marker, string language)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README quick start has no {marker}.");
        var fence = "```" + language + "\n";
        var open = text.IndexOf(fence, start, StringComparison.Ordinal) + fence.Length;
        return text[open..text.IndexOf("\n```", open, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"^dotnet add package (\S+)", RegexOptions.Multiline)]
    private static partial Regex AddPackage();
}

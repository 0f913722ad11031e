namespace EcomRules.Tests.Packaging;

/// <summary>Each package depends on what it needs, read from the packed <c>.nuspec</c> files.</summary>
[Collection(PackedPackages.Collection)]
public sealed class PackageDependencyTests(PackedPackages packages)
{
    [Fact]
    [Trait("Category", "Packaging")]
    public void Testing_DependsOnTheCoreOnly()
        => Assert.Equal(["EcomRules"], packages.Dependencies("EcomRules.Testing"));

    [Fact]
    [Trait("Category", "Packaging")]
    public void Sqlite_DependsOnTheCoreAndSqlite_NotOnHostingOrMicrosoftExtensions()
    {
        var dependencies = packages.Dependencies("EcomRules.Sqlite");

        Assert.Contains("EcomRules", dependencies);
        Assert.Contains("Microsoft.Data.Sqlite", dependencies);
        Assert.DoesNotContain("EcomRules.Hosting", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Category", "Packaging")]
    public void Core_DependsOnNodaTimeOnly()
        => Assert.Equal(["NodaTime"], packages.Dependencies("EcomRules"));

    [Fact]
    [Trait("Category", "Packaging")]
    public void Hosting_BringsTheEmbeddedDefaultStore()
        => Assert.Contains("EcomRules.Sqlite", packages.Dependencies("EcomRules.Hosting"));

    [Fact]
    [Trait("Category", "Packaging")]
    public void EveryPackage_CarriesRepositoryAndProjectUrls()
    {
        foreach (var package in PackedPackages.Names)
        {
            var metadata = packages.Metadata(package);
            var projectUrl = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "projectUrl")?.Value;
            var repository = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "repository");
            Assert.True(Uri.TryCreate(projectUrl, UriKind.Absolute, out _), $"{package} has no project URL.");
            Assert.True(Uri.TryCreate(repository?.Attribute("url")?.Value, UriKind.Absolute, out _), $"{package} has no repository URL.");
            Assert.Equal("git", repository!.Attribute("type")?.Value);
        }
    }
}

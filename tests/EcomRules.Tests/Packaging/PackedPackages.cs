using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EcomRules.Tests.Packaging;

/// <summary>
/// The five libraries packed once per test run (one <c>dotnet pack</c> of the solution, from the Release or Debug
/// build the tests run on) into a temporary folder feed, at a version no package cache has seen; and a way to build
/// and run a consumer project that restores them from that feed only. Shared by every test in
/// <see cref="Collection"/>; removed, with its copies in the package cache, when the run ends.
/// </summary>
public sealed partial class PackedPackages : IAsyncLifetime
{
    /// <summary>The xUnit collection whose tests share one packing.</summary>
    public const string Collection = "Packed packages";

    private DirectoryInfo? _work;

    public static IReadOnlyList<string> Names { get; } = ["EcomRules", "EcomRules.Hosting", "EcomRules.Testing", "EcomRules.Sqlite", "EcomRules.PostgreSql"];

    public string Root { get; } = RepositoryRoot();

    /// <summary>Gets the packages' version: a time-stamped pre-release, so a consumer restores exactly these.</summary>
    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public string Feed { get; private set; } = string.Empty;

    /// <summary>Gets the one version of Microsoft.Extensions.* the repository builds with (Directory.Packages.props).</summary>
    public string MicrosoftExtensionsVersion => ExtensionsVersion().Match(File.ReadAllText(Path.Combine(Root, "Directory.Packages.props"))).Groups[1].Value;

    public async Task InitializeAsync()
    {
        _work = Directory.CreateTempSubdirectory("ecomrules-pack-");
        Feed = Directory.CreateDirectory(Path.Combine(_work.FullName, "feed")).FullName;
        await RunAsync("dotnet", ["pack", Path.Combine(Root, "EcomRules.sln"), "-c", Configuration, "--no-build", $"-p:PackageOutputPath={Feed}", $"-p:Version={Version}"], Root);
    }

    public Task DisposeAsync()
    {
        _work?.Delete(recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in Names)
        {
            var restored = Path.Combine(cache, package.ToLowerInvariant(), Version);
            if (Directory.Exists(restored))
            {
                Directory.Delete(restored, recursive: true);
            }
        }

        return Task.CompletedTask;
    }

    public string PackagePath(string package, string extension = "nupkg") => Path.Combine(Feed, $"{package}.{Version}.{extension}");

    /// <summary>Reads a package's <c>.nuspec</c> metadata element.</summary>
    public XElement Metadata(string package)
    {
        using var zip = ZipFile.OpenRead(PackagePath(package));
        using var nuspec = zip.GetEntry($"{package}.nuspec")!.Open();
        return XDocument.Load(nuspec).Root!.Elements().First(e => e.Name.LocalName == "metadata");
    }

    /// <summary>Gets the IDs of a package's dependencies (every target framework group).</summary>
    public IReadOnlyList<string> Dependencies(string package)
        => [.. Metadata(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Writes a console project in a new folder (references: EcomRules packages at <see cref="Version"/>, from the
    /// feed only; Microsoft.* at <see cref="MicrosoftExtensionsVersion"/>), runs it, and returns what it printed.
    /// </summary>
    public async Task<string> RunConsumerAsync(string name, IEnumerable<string> packages, string program)
    {
        var consumer = Directory.CreateDirectory(Path.Combine(_work!.FullName, name)).FullName;
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{Feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="EcomRules*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        var references = string.Join(Environment.NewLine, packages.Select(p =>
            $"""    <PackageReference Include="{p}" Version="{(p.StartsWith("EcomRules", StringComparison.Ordinal) ? Version : MicrosoftExtensionsVersion)}" />"""));
        await File.WriteAllTextAsync(Path.Combine(consumer, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), program);
        return await RunAsync("dotnet", ["run", "-c", "Release"], consumer);
    }

    /// <summary>Runs a consumer that <see cref="RunConsumerAsync"/> built again, in the same folder (its files are kept).</summary>
    public Task<string> RunConsumerAgainAsync(string name)
        => RunAsync("dotnet", ["run", "-c", "Release", "--no-build"], Path.Combine(_work!.FullName, name));

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static async Task<string> RunAsync(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}");
        return output;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcomRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("EcomRules.sln was not found above the test binaries.");
    }

    [GeneratedRegex("<MicrosoftExtensionsVersion>([^<]+)</MicrosoftExtensionsVersion>")]
    private static partial Regex ExtensionsVersion();
}

[CollectionDefinition(PackedPackages.Collection)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>;

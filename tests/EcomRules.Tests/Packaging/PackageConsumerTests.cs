using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace EcomRules.Tests.Packaging;

/// <summary>
/// Packs the five libraries, checks what every package carries, then builds and runs a small consumer project that
/// references them from a local folder source only: proof that the packages are complete on their own.
/// </summary>
public sealed class PackageConsumerTests
{
    private static readonly string[] Packages = ["EcomRules", "EcomRules.Hosting", "EcomRules.Testing", "EcomRules.Sqlite", "EcomRules.PostgreSql"];

    [Fact]
    [Trait("Category", "Packaging")]
    public async Task PackedPackages_AreCompleteAndUsableFromALocalFolder()
    {
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("ecomrules-pack-");

        // A version no cache has seen, so the consumer restores exactly these packages.
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        try
        {
            var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            foreach (var package in Packages)
            {
                await RunAsync("dotnet", ["pack", Path.Combine(root, "src", package, package + ".csproj"), "-c", Configuration, "--no-build", "-o", feed, $"-p:Version={version}"], root);
            }

            foreach (var package in Packages)
            {
                var nupkg = Path.Combine(feed, $"{package}.{version}.nupkg");
                Assert.True(File.Exists(Path.Combine(feed, $"{package}.{version}.snupkg")), $"{package} has no symbol package.");
                using var zip = ZipFile.OpenRead(nupkg);
                var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
                Assert.Contains("README.md", names);
                Assert.Contains($"lib/net10.0/{package}.dll", names);
                Assert.Contains($"lib/net10.0/{package}.xml", names);
                using var nuspec = zip.GetEntry($"{package}.nuspec")!.Open();
                var metadata = XDocument.Load(nuspec).Root!.Elements().First(e => e.Name.LocalName == "metadata");
                Assert.Equal("MIT", metadata.Elements().First(e => e.Name.LocalName == "license").Value);
                Assert.Equal("README.md", metadata.Elements().First(e => e.Name.LocalName == "readme").Value);
                Assert.False(string.IsNullOrWhiteSpace(metadata.Elements().First(e => e.Name.LocalName == "description").Value));
            }

            var consumer = Directory.CreateDirectory(Path.Combine(work.FullName, "consumer")).FullName;
            await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="local"><package pattern="EcomRules*" /></packageSource>
                    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                  </packageSourceMapping>
                </configuration>
                """);
            await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="EcomRules.Hosting" Version="{version}" />
                    <PackageReference Include="EcomRules.Sqlite" Version="{version}" />
                    <PackageReference Include="EcomRules.Testing" Version="{version}" />
                    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.14" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
                using EcomRules;
                using EcomRules.Engine;
                using EcomRules.Hosting;
                using EcomRules.Orders;
                using Microsoft.Extensions.DependencyInjection;
                using NodaTime;

                var services = new ServiceCollection(); // no logging, no host: the library needs neither
                services.AddEcomRules(o => { o.Outbox.Enabled = false; o.Timers.Enabled = false; })
                    .UseSqlite(Path.Combine(AppContext.BaseDirectory, "consumer.db"));
                await using var provider = services.BuildServiceProvider();
                foreach (var initializer in provider.GetServices<IEcomStoreInitializer>()) { await initializer.InitializeAsync(default); }
                var engine = provider.GetRequiredService<EcomEngine>();
                var at = Instant.FromUtc(2026, 3, 4, 2, 0);
                var buyer = new BuyerDetails
                {
                    Kind = BuyerKind.Business, Name = "深圳市某某科技有限公司", CreditCode = "91440300708461136T", ContactName = "李四",
                    Mobile = "13912345678", Province = "Guangdong", City = "深圳市", Street = "科技园路 1 号", PostalCode = "518000",
                };
                var placed = await engine.ExecuteAsync(new PlaceOrder(new CommandId("c-1"), new Actor("shop", ActorRole.System), at,
                    new OrderId("N-1"), buyer, [new OrderLine("SKU-1", 2, new Money(50m))]));
                var paid = await engine.ExecuteAsync(new PayOrder(new CommandId("c-2"), new Actor("pay", ActorRole.System), at,
                    new OrderId("N-1"), placed.StateAs<Order>().Total));
                Console.WriteLine($"consumer: {paid.StateAs<Order>().State} {paid.StateAs<Order>().Total}");
                """);
            var output = await RunAsync("dotnet", ["run", "-c", "Release"], consumer);
            Assert.Contains("consumer: Paid CNY 112.00", output, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var package in Packages)
            {
                var restored = Path.Combine(cache, package.ToLowerInvariant(), version);
                if (Directory.Exists(restored))
                {
                    Directory.Delete(restored, recursive: true);
                }
            }
        }
    }

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

    private static string RepositoryRoot()
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
}

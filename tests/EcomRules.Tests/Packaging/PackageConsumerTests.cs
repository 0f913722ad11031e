using System.IO.Compression;

namespace EcomRules.Tests.Packaging;

/// <summary>
/// Checks what every packed package carries, then builds and runs a small consumer project that references them from
/// a local folder source only: proof that the packages are complete on their own.
/// </summary>
[Collection(PackedPackages.Collection)]
public sealed class PackageConsumerTests(PackedPackages packages)
{
    [Fact]
    [Trait("Category", "Packaging")]
    public void EveryPackage_CarriesReadmeDocsSymbolsLicenceAndDescription()
    {
        foreach (var package in PackedPackages.Names)
        {
            Assert.True(File.Exists(packages.PackagePath(package, "snupkg")), $"{package} has no symbol package.");
            using var zip = ZipFile.OpenRead(packages.PackagePath(package));
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("README.md", names);
            Assert.Contains($"lib/net10.0/{package}.dll", names);
            Assert.Contains($"lib/net10.0/{package}.xml", names);
            var metadata = packages.Metadata(package);
            Assert.Equal("MIT", metadata.Elements().First(e => e.Name.LocalName == "license").Value);
            Assert.Equal("README.md", metadata.Elements().First(e => e.Name.LocalName == "readme").Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Elements().First(e => e.Name.LocalName == "description").Value));
        }
    }

    [Fact]
    [Trait("Category", "Packaging")]
    public async Task PackedPackages_AreUsableFromALocalFolder()
    {
        var output = await packages.RunConsumerAsync("Consumer", ["EcomRules.Hosting", "EcomRules.Testing", "Microsoft.Extensions.DependencyInjection"], """
            using EcomRules;
            using EcomRules.Commands;
            using EcomRules.Engine;
            using EcomRules.Hosting;
            using EcomRules.Orders;
            using EcomRules.Testing;
            using Microsoft.Extensions.DependencyInjection;
            using NodaTime;

            foreach (var sqlite in new[] { true, false })
            {
                var services = new ServiceCollection(); // no logging, no host: the library needs neither
                var builder = services.AddEcomRules(o => { o.Outbox.Enabled = false; o.Timers.Enabled = false; });
                if (sqlite) { builder.UseSqlite(Path.Combine(AppContext.BaseDirectory, "consumer.db")); } else { builder.UseStore(new InMemoryEcomStore()); }
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
                Console.WriteLine($"consumer {(sqlite ? "sqlite" : "in-memory")}: {paid.StateAs<Order>().State} {paid.StateAs<Order>().Total}");
            }
            """);

        Assert.Contains("consumer sqlite: Paid CNY 112.00", output, StringComparison.Ordinal);
        Assert.Contains("consumer in-memory: Paid CNY 112.00", output, StringComparison.Ordinal);
    }
}

using EcomRules.PostgreSql;
using Npgsql;

namespace EcomRules.Tests.PostgreSql;

public sealed class PostgreSqlStoreOptionsTests
{
    [Fact]
    public void Defaults()
    {
        var options = new PostgreSqlStoreOptions();
        Assert.Equal("ecomrules", options.SchemaName);
        Assert.Same(EcomRules.Persistence.EcomSerializer.Default, options.Serializer);
    }

    [Fact]
    public void NeitherConnectionStringNorDataSource_IsRefused()
        => Assert.Throws<ArgumentException>(() => new PostgreSqlEcomStore(new PostgreSqlStoreOptions()));

    [Fact]
    public void BothConnectionStringAndDataSource_AreRefused()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1");
        Assert.Throws<ArgumentException>(() => new PostgreSqlEcomStore(new PostgreSqlStoreOptions { ConnectionString = "Host=127.0.0.1", DataSource = dataSource }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Shop")]
    [InlineData("1shop")]
    [InlineData("shop; DROP TABLE x")]
    [InlineData("shop\"")]
    public void SchemaName_MustBePlainIdentifier(string schema)
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlEcomStore(new PostgreSqlStoreOptions { ConnectionString = "Host=127.0.0.1", SchemaName = schema }));
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void SchemaName_TooLong_IsRefused()
        => Assert.Throws<InvalidOperationException>(() => new PostgreSqlStoreOptions { ConnectionString = "Host=x", SchemaName = new string('s', 64) }.Validate());

    [Fact]
    public void BorrowedDataSource_IsNotDisposedWithTheStore()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1");
        new PostgreSqlEcomStore(new PostgreSqlStoreOptions { DataSource = dataSource }).Dispose();
        using var command = dataSource.CreateCommand("SELECT 1");
        Assert.NotNull(command);
    }
}

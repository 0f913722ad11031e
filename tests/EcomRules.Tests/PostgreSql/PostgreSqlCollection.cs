namespace EcomRules.Tests.PostgreSql;

/// <summary>The tests that share one <see cref="PostgreSqlFixture"/> cluster (they run one class at a time).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}

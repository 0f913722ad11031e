using EcomRules.Sqlite;
using Microsoft.Data.Sqlite;

namespace EcomRules.Tests.Sqlite;

/// <summary>Issue 15: a store that cannot open says which store and which file.</summary>
public sealed class SqliteStartupErrorTests
{
    [Fact]
    public async Task AFileThatIsNotADatabase_IsReportedWithTheStoreAndThePath()
    {
        using var database = new SqliteTestDatabase();
        await File.WriteAllTextAsync(database.FilePath, new string('x', 8192));
        var ex = await Assert.ThrowsAsync<SqliteException>(async () => await SqliteEcomStore.OpenAsync(database.Options));
        Assert.Contains($"EcomRules SQLite store at '{database.FilePath}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("file is not a database", ex.Message, StringComparison.Ordinal);
        Assert.Equal(26, ex.SqliteErrorCode); // SQLITE_NOTADB, kept for callers that test it
    }
}

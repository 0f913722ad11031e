namespace EcomRules.PostgreSql.Internal;

/// <summary>The SQLSTATE codes the store raises or recognises.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>Raised by <c>write_aggregate</c> when the stored version is not the expected one; the message is <c>{actual} {kind}/{id}</c>.</summary>
    internal const string VersionConflict = "EC409";

    /// <summary>A unique constraint was violated.</summary>
    internal const string UniqueViolation = "23505";

    /// <summary>The primary key of the commands table: a command ID recorded twice.</summary>
    internal const string CommandsPrimaryKey = "commands_pkey";
}

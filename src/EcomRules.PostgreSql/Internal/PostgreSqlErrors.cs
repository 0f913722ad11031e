namespace EcomRules.PostgreSql.Internal;

/// <summary>The SQLSTATE codes the store raises or recognises.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>Raised by <c>write_aggregate</c> when the stored version is not the expected one; DETAIL holds the actual version.</summary>
    internal const string VersionConflict = "EC409";

    /// <summary>A unique constraint was violated.</summary>
    internal const string UniqueViolation = "23505";
}

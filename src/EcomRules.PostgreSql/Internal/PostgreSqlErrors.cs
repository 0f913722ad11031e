using Npgsql;

namespace EcomRules.PostgreSql.Internal;

/// <summary>The SQLSTATE codes and constraint names the store recognises.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>A unique constraint was violated.</summary>
    internal const string UniqueViolation = "23505";

    /// <summary>A CHECK constraint was violated.</summary>
    internal const string CheckViolation = "23514";

    /// <summary>The primary key of the commands table: a command ID recorded twice.</summary>
    internal const string CommandsPrimaryKey = "commands_pkey";

    /// <summary>The primary key of the aggregates table: a new aggregate (expected version 0) that exists already.</summary>
    internal const string AggregatesPrimaryKey = "aggregates_pkey";

    /// <summary>
    /// The CHECK (version &gt; 0) of the aggregates table: an aggregate write that finds another version than the
    /// expected one (or no row) writes version -1, which this refuses.
    /// </summary>
    internal const string AggregateVersionCheck = "aggregates_version_check";

    /// <summary>
    /// Raised by the <c>write_aggregate</c> function of migration 1 on a version conflict. The store no longer calls
    /// it (it writes aggregates with plain statements); the migration's text keeps it.
    /// </summary>
    internal const string VersionConflict = "EC409";

    /// <summary>Whether an error is an aggregate write's version conflict.</summary>
    /// <param name="e">The error.</param>
    /// <returns>True for a version -1 refused by the CHECK, or a new aggregate that exists already.</returns>
    internal static bool IsVersionConflict(PostgresException e)
        => (string.Equals(e.SqlState, CheckViolation, StringComparison.Ordinal) && string.Equals(e.ConstraintName, AggregateVersionCheck, StringComparison.Ordinal))
            || (string.Equals(e.SqlState, UniqueViolation, StringComparison.Ordinal) && string.Equals(e.ConstraintName, AggregatesPrimaryKey, StringComparison.Ordinal));
}

using EcomRules.Persistence;
using Npgsql;

namespace EcomRules.PostgreSql;

/// <summary>
/// Options of a <see cref="PostgreSqlEcomStore"/>: where the database is, which schema holds the tables, and which
/// serializer writes the aggregates and events. Set either <see cref="ConnectionString"/> or <see cref="DataSource"/>.
/// </summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The schema used when <see cref="SchemaName"/> is not set.</summary>
    public const string DefaultSchemaName = "ecomrules";

    /// <summary>The longest schema name PostgreSQL accepts without truncating it.</summary>
    public const int MaxSchemaNameLength = 63;

    /// <summary>Gets or sets the connection string; the store then creates and owns its data source.</summary>
    /// <value>The default is null; either this or <see cref="DataSource"/> must be set, not both.</value>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets a data source the application owns (and disposes); the store only borrows it.</summary>
    /// <value>The default is null; either this or <see cref="ConnectionString"/> must be set, not both.</value>
    public NpgsqlDataSource? DataSource { get; set; }

    /// <summary>
    /// Gets or sets the schema that holds the store's tables; created when missing. Lower-case letters, digits and
    /// underscores, starting with a letter or an underscore, at most <see cref="MaxSchemaNameLength"/> characters.
    /// </summary>
    /// <value>The default is <c>ecomrules</c> (<see cref="DefaultSchemaName"/>).</value>
    public string SchemaName { get; set; } = DefaultSchemaName;

    /// <summary>Gets or sets the serializer of aggregate states and domain events.</summary>
    /// <value>The default is <see cref="EcomSerializer.Default"/>, which knows every EcomRules type.</value>
    public EcomSerializer Serializer { get; set; } = EcomSerializer.Default;

    /// <summary>Checks the options and throws on the first problem.</summary>
    /// <exception cref="InvalidOperationException">
    /// Neither or both of <see cref="ConnectionString"/> and <see cref="DataSource"/> are set, the connection string is
    /// blank, <see cref="SchemaName"/> is not a plain lower-case identifier, or <see cref="Serializer"/> is null.
    /// </exception>
    public void Validate()
    {
        var hasConnectionString = ConnectionString is not null;
        if (hasConnectionString == (DataSource is not null))
        {
            throw new InvalidOperationException(
                $"Set exactly one of {nameof(ConnectionString)} and {nameof(DataSource)}.");
        }

        if (hasConnectionString && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException("The connection string is blank.");
        }

        if (!IsPlainIdentifier(SchemaName))
        {
            throw new InvalidOperationException(
                $"The schema name '{SchemaName}' is not a plain identifier: use lower-case letters, digits and underscores, "
                + $"starting with a letter or an underscore, at most {MaxSchemaNameLength} characters.");
        }

        if (Serializer is null)
        {
            throw new InvalidOperationException($"{nameof(Serializer)} is null; leave it at {nameof(EcomSerializer)}.{nameof(EcomSerializer.Default)} or set one.");
        }
    }

    private static bool IsPlainIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxSchemaNameLength || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}

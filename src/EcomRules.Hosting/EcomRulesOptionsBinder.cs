using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace EcomRules.Hosting;

/// <summary>
/// Binds <see cref="EcomRulesOptions"/> from configuration without stopping at the first value that cannot be read
/// (<c>DispatchCutoff=25:00</c>, <c>RecordRetentionYears=abc</c>): each such value is reported by its key and left
/// unbound, the rest is bound, and start-up validation lists every problem at once.
/// </summary>
internal static class EcomRulesOptionsBinder
{
    /// <summary>Binds <paramref name="configuration"/> onto <paramref name="options"/>.</summary>
    /// <returns>One sentence per value that could not be read; empty when every value was read.</returns>
    public static IReadOnlyList<string> Bind(IConfiguration configuration, EcomRulesOptions options)
    {
        // A trial binding on a scratch instance first: a failed binding may have set part of the real options (and
        // binding arrays twice would append), so the real options are bound once, with the unreadable values hidden.
        if (TryBind(configuration, new EcomRulesOptions()) is null)
        {
            configuration.Bind(options);
            return [];
        }

        var unreadable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (path, value) in configuration.AsEnumerable())
        {
            if (value is null)
            {
                continue;
            }

            var single = new FilteredConfiguration(configuration, p => string.Equals(p, path, StringComparison.OrdinalIgnoreCase));
            if (TryBind(single, new EcomRulesOptions()) is { } error)
            {
                unreadable.Add(path);
                problems.Add($"{path} '{value}' cannot be read: {error}");
            }
        }

        new FilteredConfiguration(configuration, p => !unreadable.Contains(p)).Bind(options);
        return problems;
    }

    private static string? TryBind(IConfiguration configuration, EcomRulesOptions scratch)
    {
        try
        {
            configuration.Bind(scratch);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return (e.InnerException?.Message ?? e.Message).Trim();
        }
    }

    /// <summary>A read-only view of a configuration that shows only the values whose path <c>keep</c> accepts.</summary>
    private sealed class FilteredConfiguration(IConfiguration inner, Func<string, bool> keep) : IConfigurationSection
    {
        public string Key => inner is IConfigurationSection section ? section.Key : string.Empty;

        public string Path => inner is IConfigurationSection section ? section.Path : string.Empty;

        public string? Value
        {
            get => inner is IConfigurationSection { Value: { } value } section && keep(section.Path) ? value : null;
            set => throw new NotSupportedException("The view is read-only.");
        }

        public string? this[string key]
        {
            get => GetSection(key).Value;
            set => throw new NotSupportedException("The view is read-only.");
        }

        public IEnumerable<IConfigurationSection> GetChildren()
            => inner.GetChildren().Select(c => new FilteredConfiguration(c, keep)).Where(c => c.HasAny());

        public IChangeToken GetReloadToken() => inner.GetReloadToken();

        public IConfigurationSection GetSection(string key) => new FilteredConfiguration(inner.GetSection(key), keep);

        private bool HasAny() => Value is not null || GetChildren().Any();
    }
}

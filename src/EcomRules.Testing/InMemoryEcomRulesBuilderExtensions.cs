using EcomRules.Hosting;

namespace EcomRules.Testing;

/// <summary>Chooses the in-memory store for EcomRules in a service collection (tests, demos).</summary>
public static class InMemoryEcomRulesBuilderExtensions
{
    /// <summary>Uses an <see cref="InMemoryEcomStore"/>: nothing survives the process.</summary>
    /// <param name="builder">The builder <c>AddEcomRules</c> returned.</param>
    /// <param name="store">The store to use, or null for a new one.</param>
    /// <returns>The builder.</returns>
    public static EcomRulesBuilder UseInMemory(this EcomRulesBuilder builder, InMemoryEcomStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore(_ => store ?? new InMemoryEcomStore());
    }
}

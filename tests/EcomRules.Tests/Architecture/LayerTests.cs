using EcomRules.Commands;
using EcomRules.Engine;

namespace EcomRules.Tests.Architecture;

/// <summary>
/// The layers of DESIGN.md, checked on the compiled core: the kernel knows no module and no application code, modules
/// know no application code, and no top-level namespaces use each other in a cycle (a module may read an upstream
/// module, as Returns reads Orders, never both ways). A <c>const</c> is copied into the IL of its user, so a use of
/// another namespace's constant is not seen here (the work queues' timer kinds have a test of their own).
/// </summary>
public sealed class LayerTests
{
    /// <summary>The kernel: workflow engine, calendars, SLA timers, policy, the command vocabulary, ports and shared values.</summary>
    private static readonly HashSet<string> Kernel = new(StringComparer.Ordinal)
    {
        "(root)", "Internal", "Workflow", "Calendars", "Sla", "Policies", "Commands", "Deadlines", "Ports", "Diagnostics", "Queues",
        "Customers", "Inventory", "Shipping",
    };

    /// <summary>The application: the engine, the background processors and the persistence codecs, which compose every module.</summary>
    private static readonly HashSet<string> Application = new(StringComparer.Ordinal) { "Engine", "Processing", "Persistence" };

    private static readonly IReadOnlyDictionary<string, Dictionary<string, string>> Edges =
        NamespaceDependencies.Read(typeof(EcomEngine).Assembly, Group);

    /// <summary>Every other top-level namespace of the core is a module (Orders, Returns, Refunds, Stock, …).</summary>
    private static bool IsModule(string group) => !Kernel.Contains(group) && !Application.Contains(group);

    [Fact]
    public void The_core_has_no_namespace_cycle()
    {
        var cycles = NamespaceDependencies.Cycles(Edges);
        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles.Select(c => string.Join(" ⇄ ", c) + ": " + Examples(c))));
    }

    [Fact]
    public void The_kernel_names_no_module_and_no_application_type()
    {
        var wrong = Edges.Where(e => Kernel.Contains(e.Key)).SelectMany(e => e.Value.Where(t => !Kernel.Contains(t.Key)).Select(t => t.Value)).ToList();
        Assert.True(wrong.Count == 0, "Kernel types that name a module or the application:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Modules_name_no_application_type()
    {
        var wrong = Edges.Where(e => IsModule(e.Key)).SelectMany(e => e.Value.Where(t => Application.Contains(t.Key)).Select(t => t.Value)).ToList();
        Assert.True(wrong.Count == 0, "Module types that name the application:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_reader_sees_body_only_uses()
    {
        // The check itself must be able to fail: the engine uses the order module only inside method bodies
        // (EcomModules' registrations), and the reader must see it.
        Assert.Contains("Orders", Edges["Engine"].Keys);
        Assert.Contains("Commands", Edges["Orders"].Keys);
        Assert.Contains(NamespaceDependencies.Cycles(new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "a" },
            ["B"] = new() { ["C"] = "b" },
            ["C"] = new() { ["A"] = "c" },
        }), c => c.SequenceEqual(["A", "B", "C"]));
    }

    private static string? Group(string ns)
    {
        if (ns == "EcomRules")
        {
            return "(root)";
        }

        return ns.StartsWith("EcomRules.", StringComparison.Ordinal) ? ns["EcomRules.".Length..].Split('.')[0] : null;
    }

    private static string Examples(IReadOnlyList<string> cycle)
        => string.Join("; ", cycle.SelectMany(from => Edges.TryGetValue(from, out var t)
            ? t.Where(e => cycle.Contains(e.Key)).Select(e => e.Value)
            : []));
}

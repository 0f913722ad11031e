using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;

namespace EcomRules.Tests.Architecture;

/// <summary>
/// Which top-level namespaces of an assembly use which, read from the compiled code: base types, interfaces, fields,
/// properties, signatures, generic arguments, attributes and every type, method and field token in method bodies
/// (compiler-made closures and state machines count for the type that declares them).
/// </summary>
internal static class NamespaceDependencies
{
    private static readonly ImmutableDictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(static f => (OpCode)f.GetValue(null)!)
        .ToImmutableDictionary(static o => o.Value);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Gets, for each namespace group, the groups it uses, each with one example (user type → used type).</summary>
    /// <param name="assembly">The assembly.</param>
    /// <param name="group">Maps a namespace to its group (a top-level folder).</param>
    /// <returns>from → (to → example).</returns>
    public static IReadOnlyDictionary<string, Dictionary<string, string>> Read(Assembly assembly, Func<string, string?> group)
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (group(type.Namespace ?? string.Empty) is not { } from)
            {
                continue;
            }

            foreach (var used in Uses(type))
            {
                if (used.Assembly == assembly && group(used.Namespace ?? string.Empty) is { } to && to != from)
                {
                    var targets = edges.TryGetValue(from, out var t) ? t : edges[from] = new(StringComparer.Ordinal);
                    targets.TryAdd(to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }

        return edges;
    }

    /// <summary>Finds the cycles: strongly connected groups of more than one namespace.</summary>
    /// <param name="edges">The dependencies.</param>
    /// <returns>Each cycle's members, sorted.</returns>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, Dictionary<string, string>> edges)
    {
        // Tarjan's algorithm.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(static v => v.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets.Keys : Enumerable.Empty<string>())
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return cycles;
    }

    private static IEnumerable<Type> Uses(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            while (t is not null && (t.HasElementType))
            {
                t = t.GetElementType();
            }

            if (t is null || t.IsGenericParameter || !found.Add(t))
            {
                return;
            }

            if (t.IsGenericType)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }

            if (t.DeclaringType is { } outer)
            {
                Add(outer);
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var a in type.GetCustomAttributesData())
        {
            Add(a.AttributeType);
        }

        foreach (var f in type.GetFields(Declared))
        {
            Add(f.FieldType);
        }

        foreach (var p in type.GetProperties(Declared))
        {
            Add(p.PropertyType);
        }

        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (m is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            foreach (var t in BodyTokens(m))
            {
                Add(t);
            }
        }

        return found;
    }

    private static IEnumerable<Type> BodyTokens(MethodBase method)
    {
        var body = method.GetMethodBody();
        var il = body?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        foreach (var local in body!.LocalVariables)
        {
            yield return local.LocalType;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[i++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    MemberInfo? member;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        continue;
                    }

                    switch (member)
                    {
                        case Type t:
                            yield return t;
                            break;
                        case FieldInfo f:
                            yield return f.DeclaringType!;
                            yield return f.FieldType;
                            break;
                        case MethodInfo m:
                            yield return m.DeclaringType!;
                            yield return m.ReturnType;
                            break;
                        case ConstructorInfo c:
                            yield return c.DeclaringType!;
                            break;
                    }

                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}

using System.Collections;
using System.Reflection;
using EcomRules.Sla;

namespace EcomRules.Tests.Persistence;

/// <summary>
/// Compares two objects by value, property by property: records' generated equality compares
/// <c>ImmutableArray</c>s and classes such as <see cref="SlaTimer"/> or buyers by reference, which a round trip
/// through JSON cannot keep. SLA definitions are policy and must be the very same instance.
/// </summary>
internal static class ValueAssert
{
    public static void Equal(object? expected, object? actual) => Compare(expected, actual, "value");

    private static void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        var type = expected.GetType();
        Assert.True(type == actual.GetType(), $"{path}: expected a {type.Name}, got a {actual.GetType().Name}");
        if (expected is SlaDefinition)
        {
            Assert.True(ReferenceEquals(expected, actual), $"{path}: not the same SLA definition");
        }
        else if (expected is string || type.IsPrimitive || type.IsEnum)
        {
            Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
        }
        else if (expected is IEnumerable expectedItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{path}: expected {left.Count} items, got {right.Count}");
            for (var i = 0; i < left.Count; i++)
            {
                Compare(left[i], right[i], $"{path}[{i}]");
            }
        }
        else if (type.IsValueType && !HasImmutableArrayMember(type))
        {
            Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
        }
        else
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            }
        }
    }

    private static bool HasImmutableArrayMember(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Any(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>));
}

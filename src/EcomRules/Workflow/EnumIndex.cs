using System.Runtime.CompilerServices;

namespace EcomRules.Workflow;

/// <summary>
/// Reads an enum's numeric value without boxing. The size checks are JIT-time constants per instantiation, so
/// each call compiles to a single load.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
internal static class EnumIndex<T>
    where T : struct, Enum
{
    private static readonly bool IsSigned = Type.GetTypeCode(Enum.GetUnderlyingType(typeof(T))) is TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ToInt64(T value)
    {
        if (Unsafe.SizeOf<T>() == sizeof(int))
        {
            return IsSigned ? Unsafe.As<T, int>(ref value) : Unsafe.As<T, uint>(ref value);
        }

        if (Unsafe.SizeOf<T>() == sizeof(byte))
        {
            return IsSigned ? Unsafe.As<T, sbyte>(ref value) : Unsafe.As<T, byte>(ref value);
        }

        if (Unsafe.SizeOf<T>() == sizeof(short))
        {
            return IsSigned ? Unsafe.As<T, short>(ref value) : Unsafe.As<T, ushort>(ref value);
        }

        return IsSigned ? Unsafe.As<T, long>(ref value) : (long)Math.Min(Unsafe.As<T, ulong>(ref value), long.MaxValue);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace EcomRules.Internal;

/// <summary>
/// Argument and state checks used across the library (the NodaTime pattern): one place, one message style.
/// </summary>
internal static class Preconditions
{
    /// <summary>Returns <paramref name="argument"/> or throws <see cref="ArgumentNullException"/>.</summary>
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
        => argument ?? throw new ArgumentNullException(paramName);

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="expression"/> is false.</summary>
    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="expression"/> is false, with an interpolated message
    /// that is formatted (invariant culture) only then: a check that passes allocates nothing.
    /// </summary>
    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, [InterpolatedStringHandlerArgument(nameof(expression))] ref FailureMessageHandler message)
    {
        if (!expression)
        {
            throw new ArgumentException(message.ToStringAndClear(), paramName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the string is null, empty or white space.</summary>
    internal static string CheckNotBlank([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(argument, paramName);
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException("The value must not be empty or white space.", paramName);
        }

        return argument;
    }

    /// <summary>Checks an aggregate ID: 1-64 characters without white space or '/' (it becomes part of a store key).</summary>
    internal static string CheckAggregateId([NotNull] string? argument, string what, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        CheckNotBlank(argument, paramName);
        CheckArgument(argument.Length <= 64 && IsKeySafe(argument), paramName ?? what,
            $"'{argument}' is not {what}: use 1-64 characters without white space, NUL, half a surrogate pair or '/'.");
        return argument;
    }

    private static bool IsKeySafe(string argument)
    {
        foreach (var c in argument)
        {
            if (char.IsWhiteSpace(c) || c == '/')
            {
                return false;
            }
        }

        return IsStorable(argument);
    }

    /// <summary>
    /// Whether every store keeps the text exactly: PostgreSQL's text refuses NUL, and UTF-8 (SQLite, PostgreSQL, the
    /// serializer's JSON) cannot encode an unpaired surrogate, which would become U+FFFD.
    /// </summary>
    internal static bool IsStorable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 == value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> is in [min, max].</summary>
    internal static int CheckArgumentRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"The value must be between {min} and {max} inclusive.");
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="value"/> is negative.</summary>
    internal static long CheckNotNegative(long value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The value must not be negative.");
        }

        return value;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> when <paramref name="expression"/> is false.</summary>
    internal static void CheckState([DoesNotReturnIf(false)] bool expression, string message)
    {
        if (!expression)
        {
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>
    /// The message of a failed check: formats its interpolation holes only when the check's condition is false (as
    /// <c>Debug.Assert</c>'s handler does), in the invariant culture.
    /// </summary>
    [InterpolatedStringHandler]
    internal ref struct FailureMessageHandler
    {
        private DefaultInterpolatedStringHandler _message;

        public FailureMessageHandler(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
        {
            _message = condition ? default : new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);
            shouldAppend = !condition;
        }

        public void AppendLiteral(string value) => _message.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _message.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => _message.AppendFormatted(value, format);

        public void AppendFormatted(string? value) => _message.AppendFormatted(value);

        public void AppendFormatted(ReadOnlySpan<char> value) => _message.AppendFormatted(value);

        public string ToStringAndClear() => _message.ToStringAndClear();
    }
}

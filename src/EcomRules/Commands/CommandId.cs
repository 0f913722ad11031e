using EcomRules.Internal;

namespace EcomRules.Commands;

/// <summary>
/// The idempotency key of a command: executing the same ID twice returns the first decision and has no second
/// effect; the same ID with a different payload is refused.
/// </summary>
public readonly record struct CommandId
{
    /// <summary>The longest ID accepted.</summary>
    public const int MaxLength = 128;

    private readonly string? _value;

    /// <summary>Creates a command ID.</summary>
    /// <param name="value">A caller-chosen key, unique per intended effect (a GUID, or "order-42/pay").</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank or longer than <see cref="MaxLength"/>.</exception>
    public CommandId(string value)
    {
        Preconditions.CheckNotBlank(value);
        Preconditions.CheckArgument(value.Length <= MaxLength, nameof(value), $"A command ID has at most {MaxLength} characters.");
        _value = value;
    }

    /// <summary>Gets the key.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Creates a new random command ID.</summary>
    /// <returns>The ID.</returns>
    public static CommandId NewId() => new(Guid.NewGuid().ToString("N"));

    /// <inheritdoc />
    public override string ToString() => Value;
}

using System.Globalization;
using EcomRules.Internal;

namespace EcomRules.Policies;

/// <summary>
/// How much text and how many items a command may carry. A command over a limit is refused as
/// <see cref="Commands.RefusalCode.InvalidInput"/> before anything is stored, so a 1 MB string never reaches the store,
/// the audit trail or a log. So is text a store cannot keep as written: a NUL character, or half of a surrogate pair.
/// </summary>
public sealed class InputLimits
{
    /// <summary>The largest limit that can be set: one million characters or items.</summary>
    public const int Ceiling = 1_000_000;

    /// <summary>Creates limits.</summary>
    /// <param name="maxCodeLength">The most characters of a code: SKU, delivery note, invoice, tracking and credit note numbers, timer kinds.</param>
    /// <param name="maxTextLength">The most characters of a short text: names, address parts, evidence references.</param>
    /// <param name="maxReasonLength">The most characters of a reason, free text or notes.</param>
    /// <param name="maxItems">The most lines of an order or a return, and pieces of evidence.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1 or above <see cref="Ceiling"/>.</exception>
    public InputLimits(int maxCodeLength = 64, int maxTextLength = 200, int maxReasonLength = 2_000, int maxItems = 1_000)
    {
        MaxCodeLength = Preconditions.CheckArgumentRange(maxCodeLength, 1, Ceiling);
        MaxTextLength = Preconditions.CheckArgumentRange(maxTextLength, 1, Ceiling);
        MaxReasonLength = Preconditions.CheckArgumentRange(maxReasonLength, 1, Ceiling);
        MaxItems = Preconditions.CheckArgumentRange(maxItems, 1, Ceiling);
    }

    /// <summary>Gets the default limits: codes 64, texts 200, reasons 2,000 characters; 1,000 items.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>Gets the most characters of a code (SKU, delivery note, invoice, tracking and credit note numbers).</summary>
    /// <value>The default is 64.</value>
    public int MaxCodeLength { get; }

    /// <summary>Gets the most characters of a short text (names, address parts, evidence references).</summary>
    /// <value>The default is 200.</value>
    public int MaxTextLength { get; }

    /// <summary>Gets the most characters of a reason, free text or notes.</summary>
    /// <value>The default is 2,000.</value>
    public int MaxReasonLength { get; }

    /// <summary>Gets the most lines of an order or a return, and pieces of evidence of a return.</summary>
    /// <value>The default is 1,000.</value>
    public int MaxItems { get; }

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"codes {MaxCodeLength}, texts {MaxTextLength}, reasons {MaxReasonLength} characters; {MaxItems} items");

    /// <summary>A code over <see cref="MaxCodeLength"/>, or null.</summary>
    internal InputProblem? Code(string? value, string what) => Over(value, MaxCodeLength, what);

    /// <summary>A short text over <see cref="MaxTextLength"/>, or null.</summary>
    internal InputProblem? Text(string? value, string what) => Over(value, MaxTextLength, what);

    /// <summary>A reason over <see cref="MaxReasonLength"/>, or null.</summary>
    internal InputProblem? Reason(string? value, string what) => Over(value, MaxReasonLength, what);

    /// <summary>More than <see cref="MaxItems"/> items, or null.</summary>
    internal InputProblem? Items(int count, string what)
        => count > MaxItems ? new InputProblem(string.Create(CultureInfo.InvariantCulture, $"The command has {count} {what}; at most {MaxItems} are allowed.")) : null;

    private static InputProblem? Over(string? value, int max, string what)
        => value is not null && value.Length > max
            ? new InputProblem(string.Create(CultureInfo.InvariantCulture, $"The {what} has {value.Length} characters; at most {max} are allowed."))
            : value is not null && !Preconditions.IsStorable(value)
                ? new InputProblem($"The {what} contains a NUL character or half of a surrogate pair, which a store cannot keep as written.")
                : null;
}

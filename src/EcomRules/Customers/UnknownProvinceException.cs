namespace EcomRules.Customers;

/// <summary>
/// Thrown when text or a code names none of China's 34 provincial-level divisions (<see cref="Province"/>).
/// </summary>
/// <remarks>
/// Bad customer input is an argument error, so the typed exceptions of <c>EcomRules.Customers</c> all derive from
/// <see cref="ArgumentException"/>; those that enforce a catalogue rule carry its <see cref="RuleId"/>.
/// </remarks>
public sealed class UnknownProvinceException : ArgumentException
{
    /// <summary>Creates the exception for the text that named no province.</summary>
    /// <param name="input">The text or code that was not recognised.</param>
    public UnknownProvinceException(string input)
        : base($"'{input}' is not one of China's 34 provincial-level divisions: use the two-digit GB/T 2260 code, the English name or the Chinese name.")
    {
        Input = input;
    }

    /// <summary>Gets the text or code that was not recognised.</summary>
    public string Input { get; }
}

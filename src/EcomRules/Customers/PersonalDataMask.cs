using EcomRules.Internal;

namespace EcomRules.Customers;

/// <summary>
/// Masks personal data for logs, exceptions and exports (SEC-1). Every masked form in EcomRules comes from here,
/// so the masking policy is written once.
/// </summary>
public static class PersonalDataMask
{
    /// <summary>The character that replaces hidden characters.</summary>
    public const char MaskCharacter = '*';

    /// <summary>The fixed text that stands for hidden free text (a street line, a district).</summary>
    public const string HiddenText = "***";

    /// <summary>
    /// Keeps the first <paramref name="keepStart"/> and last <paramref name="keepEnd"/> characters and replaces
    /// every other character with <see cref="MaskCharacter"/>, keeping the length (SEC-1).
    /// </summary>
    /// <param name="value">The value to mask; null or empty gives an empty string.</param>
    /// <param name="keepStart">How many leading characters stay visible.</param>
    /// <param name="keepEnd">How many trailing characters stay visible.</param>
    /// <returns>The masked value. A value no longer than the kept characters is masked entirely.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepStart"/> or <paramref name="keepEnd"/> is negative.</exception>
    public static string Keep(string? value, int keepStart, int keepEnd)
    {
        Preconditions.CheckNotNegative(keepStart);
        Preconditions.CheckNotNegative(keepEnd);
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= keepStart + keepEnd)
        {
            return new string(MaskCharacter, value.Length);
        }

        return string.Create(value.Length, (value, keepStart, keepEnd), static (span, state) =>
        {
            span.Fill(MaskCharacter);
            state.value.AsSpan(0, state.keepStart).CopyTo(span);
            state.value.AsSpan(state.value.Length - state.keepEnd).CopyTo(span[^state.keepEnd..]);
        });
    }

    /// <summary>
    /// Masks a person's name: the first character (a Chinese surname, or an initial) stays, the rest becomes
    /// <see cref="MaskCharacter"/>s, for example <c>张三丰</c> → <c>张**</c> (SEC-1).
    /// </summary>
    /// <param name="name">The name; null or blank gives an empty string.</param>
    /// <returns>The masked name.</returns>
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var trimmed = name.Trim();
        return trimmed.Length == 1 ? MaskCharacter.ToString() : Keep(trimmed, 1, 0);
    }

    /// <summary>
    /// Masks a resident ID number: of 18 characters, the 6-digit region code and the last 4 characters stay; text of
    /// any other length (a mistyped number, or another number typed into the field) is masked entirely (SEC-1).
    /// </summary>
    /// <param name="residentId">The number.</param>
    /// <returns>The masked number, for example <c>110105********123X</c>.</returns>
    public static string ResidentId(string? residentId) => residentId?.Length == 18 ? Keep(residentId, 6, 4) : Keep(residentId, 0, 0);

    /// <summary>
    /// Masks a mobile number: of 11 digits, the first 3 and last 4 stay; text of any other length is masked entirely
    /// (SEC-1).
    /// </summary>
    /// <param name="mobile">The number.</param>
    /// <returns>The masked number, for example <c>138****5678</c>.</returns>
    public static string Mobile(string? mobile) => mobile?.Length == 11 ? Keep(mobile, 3, 4) : Keep(mobile, 0, 0);

    /// <summary>Hides free text entirely (SEC-1): blank text stays empty, anything else becomes <see cref="HiddenText"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see cref="HiddenText"/> or an empty string.</returns>
    public static string Text(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : HiddenText;
}

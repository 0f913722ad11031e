using System.Globalization;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Customers;

/// <summary>
/// A person's 18-character resident identity card number (居民身份证号码, GB 11643-1999), which a private buyer
/// gives (CUS-2).
/// </summary>
/// <remarks>
/// <para>Layout: positions 1–6 the region code (the first two a <see cref="Province"/> code), 7–14 the birth
/// date <c>yyyyMMdd</c>, 15–17 a sequence number (the 17th odd for men, even for women), 18 the check character
/// (<c>0-9</c> or <c>X</c>).</para>
/// <para>This is personal data (SEC-1): <see cref="ToString"/> returns the <see cref="Masked"/> form, so an
/// accidental log line never shows the number; read <see cref="Value"/> only where the full number is needed.</para>
/// <para><c>default(ResidentIdNumber)</c> has an empty <see cref="Value"/> and is refused where a number is required.</para>
/// </remarks>
public readonly record struct ResidentIdNumber
{
    /// <summary>The number of characters in a resident ID number.</summary>
    public const int Length = 18;

    /// <summary>The oldest age a birth date may imply, in years.</summary>
    public const int MaximumAgeYears = 150;

    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private readonly string? _value;

    private ResidentIdNumber(string value) => _value = value;

    /// <summary>Gets the earliest birth date accepted: 1900-01-01.</summary>
    public static LocalDate EarliestBirthDate { get; } = new(1900, 1, 1);

    /// <summary>Gets the full 18-character number (personal data: do not log it, SEC-1); empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets the number with positions 7–14 masked, for example <c>110105********123X</c> (SEC-1).</summary>
    public string Masked => PersonalDataMask.ResidentId(_value);

    /// <summary>Gets the six-digit region code (positions 1–6).</summary>
    public string RegionCode => _value is null ? string.Empty : _value[..6];

    /// <summary>Gets the province of the region code (positions 1–2); default for <c>default(ResidentIdNumber)</c>.</summary>
    public Province Province => _value is null ? default : Province.FromCode(TwoDigits(_value, 0));

    /// <summary>Gets the two-digit province code (positions 1–2), 0 for <c>default</c>.</summary>
    public int ProvinceCode => Province.Code;

    /// <summary>Gets the birth date (positions 7–14).</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(ResidentIdNumber)</c>.</exception>
    public LocalDate BirthDate
    {
        get
        {
            Preconditions.CheckState(_value is not null, "default(ResidentIdNumber) has no birth date.");
            return TryReadBirthDate(_value, out var date) ? date : default;
        }
    }

    /// <summary>Gets the sex: the 17th digit is odd for male, even for female.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(ResidentIdNumber)</c>.</exception>
    public Sex Sex
    {
        get
        {
            Preconditions.CheckState(_value is not null, "default(ResidentIdNumber) has no sex digit.");
            return (_value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        }
    }

    /// <summary>Gets whether this is <c>default(ResidentIdNumber)</c>, which is no number.</summary>
    public bool IsDefault => _value is null;

    /// <summary>
    /// Parses a resident ID number (CUS-2), trimming white space and upper-casing a trailing 'x'. The birth date
    /// must be a real date from 1900-01-01 to <paramref name="today"/>, at most <see cref="MaximumAgeYears"/> years before it.
    /// </summary>
    /// <param name="value">The text.</param>
    /// <param name="today">The reference date (the merchant's today), after which no one can be born.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="InvalidIdentityNumberException">The length, a character, the region, the birth date or the check character is wrong.</exception>
    public static ResidentIdNumber Parse(string value, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalized = IdentityNumberError.Normalize(value);
        return Validate(normalized, Earliest(today), today) is { } error
            ? throw error.ToException(RuleIds.Cus2, IdentityNumberKind.ResidentIdNumber, PersonalDataMask.ResidentId(normalized))
            : new ResidentIdNumber(normalized);
    }

    /// <summary>
    /// Parses a number stored by the serializer: its structure, region, check character and a real birth date from
    /// 1900-01-01 on, with no "today" (it was checked against the day it was entered, which the store does not keep).
    /// </summary>
    /// <param name="value">The stored text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="InvalidIdentityNumberException">The text is not such a number.</exception>
    internal static ResidentIdNumber ParseStored(string value)
    {
        var normalized = IdentityNumberError.Normalize(value);
        return Validate(normalized, EarliestBirthDate, LatestStoredBirthDate) is { } error
            ? throw error.ToException(RuleIds.Cus2, IdentityNumberKind.ResidentIdNumber, PersonalDataMask.ResidentId(normalized))
            : new ResidentIdNumber(normalized);
    }

    // The latest birth date a number can carry (eight digits): commands may be dated up to the year 8999.
    private static readonly LocalDate LatestStoredBirthDate = new(9999, 12, 31);

    private static LocalDate Earliest(LocalDate today) => LocalDate.Max(EarliestBirthDate, today.PlusYears(-MaximumAgeYears));

    /// <summary>Parses a number as <see cref="Parse(string, LocalDate)"/> does, returning false instead of throwing.</summary>
    /// <param name="value">The text.</param>
    /// <param name="today">The reference date, after which no one can be born.</param>
    /// <param name="number">The number, or default.</param>
    /// <returns>Whether <paramref name="value"/> is a valid number.</returns>
    public static bool TryParse(string? value, LocalDate today, out ResidentIdNumber number)
    {
        number = default;
        if (value is null)
        {
            return false;
        }

        var normalized = IdentityNumberError.Normalize(value);
        if (Validate(normalized, Earliest(today), today) is not null)
        {
            return false;
        }

        number = new ResidentIdNumber(normalized);
        return true;
    }

    /// <summary>Computes the check character (position 18) of the first 17 digits (GB 11643-1999).</summary>
    /// <param name="first17">The first 17 digits.</param>
    /// <returns>The check character: a digit or 'X'.</returns>
    /// <exception cref="ArgumentException"><paramref name="first17"/> is not 17 digits.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        Preconditions.CheckArgument(first17.Length == Length - 1 && !first17.ContainsAnyExceptInRange('0', '9'), nameof(first17),
            "Expected the first 17 digits of a resident ID number.");
        return CheckCharacter(first17);
    }

    /// <summary>Returns the <see cref="Masked"/> form, never the full number (SEC-1).</summary>
    /// <returns>The masked number.</returns>
    public override string ToString() => Masked;

    // CUS-2: 17 digits and a check character, a provincial region code and a plausible birth date.
    private static IdentityNumberError? Validate(string value, LocalDate earliest, LocalDate latest)
    {
        if (IdentityNumberError.CheckLength(value, Length) is { } lengthError)
        {
            return lengthError;
        }

        if (IdentityNumberError.CheckDigits(value.AsSpan(0, Length - 1)) is { } digitError)
        {
            return digitError;
        }

        var last = value[Length - 1];
        if (!char.IsAsciiDigit(last) && last != 'X')
        {
            return IdentityNumberError.BadCharacter(last, Length, "a digit or X");
        }

        if (!Province.TryFromCode(TwoDigits(value, 0), out _))
        {
            return new IdentityNumberError(1, $"region code {value[..6]} does not start with a province code");
        }

        if (!TryReadBirthDate(value, out var birthDate))
        {
            // The reasons name no birth digits: they are the part the masked form hides (SEC-1).
            return new IdentityNumberError(7, "the birth date (positions 7-14) is not a calendar date");
        }

        if (birthDate < earliest || birthDate > latest)
        {
            return new IdentityNumberError(7, string.Create(CultureInfo.InvariantCulture,
                $"the birth date (positions 7-14) is not between {earliest:uuuu-MM-dd} and {latest:uuuu-MM-dd}"));
        }

        var check = CheckCharacter(value.AsSpan(0, Length - 1));
        return last == check ? null : IdentityNumberError.BadCheck(check, last, Length);
    }

    // GB 11643-1999: check = "10X98765432"[sum of digit × weight mod 11].
    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static bool TryReadBirthDate(string value, out LocalDate date)
    {
        var year = (TwoDigits(value, 6) * 100) + TwoDigits(value, 8);
        var month = TwoDigits(value, 10);
        var day = TwoDigits(value, 12);
        var valid = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month);
        date = valid ? new LocalDate(year, month, day) : default;
        return valid;
    }

    private static int TwoDigits(string value, int start) => ((value[start] - '0') * 10) + (value[start + 1] - '0');
}

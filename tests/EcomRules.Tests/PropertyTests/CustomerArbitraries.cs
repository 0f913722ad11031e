using EcomRules.Customers;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

/// <summary>A generated identity number that carries its check characters.</summary>
public interface ICheckedNumber
{
    /// <summary>Gets the number as written.</summary>
    string Text { get; }
}

/// <summary>A valid 18-character resident ID: a real province, 4 region digits, a birth date from 1900 on, 3 digits, the check.</summary>
public sealed record ValidResidentId(Province Province, string Region, int DaysFrom1900, string Sequence) : ICheckedNumber
{
    /// <inheritdoc />
    public string Text
    {
        get
        {
            var body = $"{Province.Code:D2}{Region}{ResidentIdNumber.EarliestBirthDate.PlusDays(DaysFrom1900):yyyyMMdd}{Sequence}";
            return body + ResidentIdNumber.ComputeCheckCharacter(body);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A valid 18-character unified social credit code: two code characters, six digits, an organisation code with its check, the check.</summary>
public sealed record ValidCreditCode(string Head, string Division, string Organization) : ICheckedNumber
{
    /// <inheritdoc />
    public string Text
    {
        get
        {
            var body = Head + Division + Organization + UnifiedSocialCreditCode.ComputeOrganizationCodeCheckCharacter(Organization);
            return body + UnifiedSocialCreditCode.ComputeCheckCharacter(body);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A valid number with the character at <see cref="Position"/> replaced by a different one.</summary>
/// <typeparam name="T">The kind of number.</typeparam>
public sealed record Mutation<T>(T Valid, int Position, char Replacement) : ICheckedNumber
    where T : ICheckedNumber
{
    /// <inheritdoc />
    public string Text => string.Concat(Valid.Text.AsSpan(0, Position), Replacement.ToString(), Valid.Text.AsSpan(Position + 1));

    /// <inheritdoc />
    public override string ToString() => $"{Valid.Text} with [{Position}] = '{Replacement}': {Text}";
}

/// <summary>A mainland mobile number: 1, a digit from 3 to 9, nine digits.</summary>
public sealed record MobileNumber(int Second, string Rest)
{
    /// <summary>Gets the number as written.</summary>
    public string Text => $"1{Second}{Rest}";

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>
/// The customer area's generators, each with its shrinker: digits shrink towards 0, code characters towards the
/// alphabet's first, birth dates towards 1900-01-01, provinces towards the first in <see cref="Province.All"/>; a
/// mutation keeps a different character at its position while it shrinks.
/// </summary>
public static class CustomerArbitraries
{
    /// <summary>The reference date of the generated resident IDs: no birth date after it.</summary>
    public static readonly LocalDate Today = new(2025, 6, 1);

    /// <summary>The characters of a resident ID's check position.</summary>
    public const string ResidentIdAlphabet = "0123456789X";

    /// <summary>The characters a credit code mutation may put anywhere (the code alphabet and the letters it leaves out).</summary>
    public const string CreditCodeMutationAlphabet = UnifiedSocialCreditCode.Alphabet + "IOZSV";

    private const string Digits = "0123456789";

    private static readonly int MaxDays = Period.Between(ResidentIdNumber.EarliestBirthDate, Today, PeriodUnits.Days).Days;

    private static readonly Gen<ValidResidentId> ResidentIdGen =
        from province in Gen.Elements(Province.All.ToArray())
        from region in Text(Digits, 4)
        from days in Gen.Choose(0, MaxDays)
        from sequence in Text(Digits, 3)
        select new ValidResidentId(province, region, days, sequence);

    private static readonly Gen<ValidCreditCode> CreditCodeGen =
        from head in Text(UnifiedSocialCreditCode.Alphabet, 2)
        from division in Text(Digits, 6)
        from organization in Text(UnifiedSocialCreditCode.Alphabet, 8)
        select new ValidCreditCode(head, division, organization);

    /// <summary>Gets valid resident ID numbers as text.</summary>
    public static Gen<string> ResidentIdTexts => ResidentIdGen.Select(r => r.Text);

    /// <summary>Gets valid credit codes as text.</summary>
    public static Gen<string> CreditCodeTexts => CreditCodeGen.Select(c => c.Text);

    /// <summary>Gets mobile numbers as text.</summary>
    public static Gen<string> MobileTexts => Mobiles().Generator.Select(m => m.Text);

    /// <summary>Provinces.</summary>
    public static Arbitrary<Province> Provinces() => Arb.From(Gen.Elements(Province.All.ToArray()), p => Shrinks.Towards(p, Province.All));

    /// <summary>Valid resident IDs.</summary>
    public static Arbitrary<ValidResidentId> ResidentIds() => Arb.From(ResidentIdGen, ShrinkResidentId);

    /// <summary>Valid credit codes.</summary>
    public static Arbitrary<ValidCreditCode> CreditCodes() => Arb.From(CreditCodeGen, ShrinkCreditCode);

    /// <summary>Resident IDs with one character changed.</summary>
    public static Arbitrary<Mutation<ValidResidentId>> ResidentIdMutations() => Mutations(ResidentIdGen, ShrinkResidentId, ResidentIdAlphabet);

    /// <summary>Credit codes with one character changed.</summary>
    public static Arbitrary<Mutation<ValidCreditCode>> CreditCodeMutations() => Mutations(CreditCodeGen, ShrinkCreditCode, CreditCodeMutationAlphabet);

    /// <summary>Mobile numbers.</summary>
    public static Arbitrary<MobileNumber> Mobiles() => Arb.From(
        from second in Gen.Choose(3, 9) from rest in Text(Digits, 9) select new MobileNumber(second, rest),
        m => Shrinks.Int(m.Second, 3, 9).Select(s => m with { Second = s }).Concat(Shrinks.Chars(m.Rest, Digits).Select(r => m with { Rest = r })));

    private static IEnumerable<ValidResidentId> ShrinkResidentId(ValidResidentId id)
        => Shrinks.Towards(id.Province, Province.All).Select(p => id with { Province = p })
            .Concat(Shrinks.Int(id.DaysFrom1900, 0, MaxDays).Select(d => id with { DaysFrom1900 = d }))
            .Concat(Shrinks.Chars(id.Region, Digits).Select(r => id with { Region = r }))
            .Concat(Shrinks.Chars(id.Sequence, Digits).Select(s => id with { Sequence = s }));

    private static IEnumerable<ValidCreditCode> ShrinkCreditCode(ValidCreditCode code)
        => Shrinks.Chars(code.Head, UnifiedSocialCreditCode.Alphabet).Select(h => code with { Head = h })
            .Concat(Shrinks.Chars(code.Division, Digits).Select(d => code with { Division = d }))
            .Concat(Shrinks.Chars(code.Organization, UnifiedSocialCreditCode.Alphabet).Select(o => code with { Organization = o }));

    private static Arbitrary<Mutation<T>> Mutations<T>(Gen<T> valid, Func<T, IEnumerable<T>> shrink, string alphabet)
        where T : ICheckedNumber
    {
        var gen = from number in valid
                  from position in Gen.Choose(0, number.Text.Length - 1)
                  from replacement in Gen.Elements(alphabet.ToCharArray())
                  where replacement != number.Text[position]
                  select new Mutation<T>(number, position, replacement);
        return Arb.From(gen, m => shrink(m.Valid).Select(v => m with { Valid = v })
            .Concat(Shrinks.Int(m.Position, 0, m.Valid.Text.Length - 1).Select(p => m with { Position = p }))
            .Where(c => c.Replacement != c.Valid.Text[c.Position]));
    }

    private static Gen<string> Text(string alphabet, int length) => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length).Select(c => new string(c));
}

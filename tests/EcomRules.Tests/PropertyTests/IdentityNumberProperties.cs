using EcomRules.Customers;
using EcomRules.Inventory;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

public sealed class IdentityNumberProperties
{
    private static readonly LocalDate Today = new(2025, 6, 1);

    private static readonly Gen<char> Digit = Gen.Elements("0123456789".ToCharArray());

    private static readonly Gen<char> CodeChar = Gen.Elements(UnifiedSocialCreditCode.Alphabet.ToCharArray());

    // A 17-digit resident ID body: a real province code, 4 digits, a birth date from 1900-01-01 to today, 3 digits.
    private static readonly Gen<string> ResidentBody =
        from province in Gen.Elements(Province.All.ToArray())
        from region in Gen.ArrayOf(Digit, 4)
        from days in Gen.Choose(0, Period.Between(ResidentIdNumber.EarliestBirthDate, Today, PeriodUnits.Days).Days)
        from sequence in Gen.ArrayOf(Digit, 3)
        select $"{province.Code:D2}{new string(region)}{ResidentIdNumber.EarliestBirthDate.PlusDays(days):yyyyMMdd}{new string(sequence)}";

    internal static readonly Gen<string> ValidResidentId = ResidentBody.Select(b => b + ResidentIdNumber.ComputeCheckCharacter(b));

    // A credit code body: two code characters, six digits, an organisation code with its GB 11714 check.
    internal static readonly Gen<string> ValidCreditCode =
        from head in Gen.ArrayOf(CodeChar, 2)
        from division in Gen.ArrayOf(Digit, 6)
        from organization in Gen.ArrayOf(CodeChar, 8)
        let body = new string(head) + new string(division) + new string(organization) + UnifiedSocialCreditCode.ComputeOrganizationCodeCheckCharacter(organization)
        select body + UnifiedSocialCreditCode.ComputeCheckCharacter(body);

    [Fact]
    [Trait("Rule", "CUS-2")]
    public void CUS2_AnyBodyWithItsCheckCharacter_Parses_Property()
        => Prop.ForAll(Arb.From(ValidResidentId), text => ResidentIdNumber.TryParse(text, Today, out var id) && id.Value == text)
            .QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "CUS-2")]
    public void CUS2_ChangingAnySingleCharacter_Fails_Property()
        => Prop.ForAll(Arb.From(Mutations(ValidResidentId, "0123456789X")), text => !ResidentIdNumber.TryParse(text, Today, out _))
            .QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "CUS-1")]
    public void CUS1_AnyBodyWithItsCheckCharacters_Parses_Property()
        => Prop.ForAll(Arb.From(ValidCreditCode), text => UnifiedSocialCreditCode.TryParse(text, out var code) && code.Value == text)
            .QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "CUS-1")]
    public void CUS1_ChangingAnySingleCharacter_Fails_Property()
        => Prop.ForAll(Arb.From(Mutations(ValidCreditCode, UnifiedSocialCreditCode.Alphabet + "IOZSV")), text => !UnifiedSocialCreditCode.TryParse(text, out _))
            .QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_MaskedResidentId_NeverShowsTheMiddleDigits_Property()
        => Prop.ForAll(Arb.From(ValidResidentId), text =>
            {
                var masked = ResidentIdNumber.Parse(text, Today).ToString();
                return masked.Length == 18
                       && masked[6..14] == "********"
                       && !masked.Contains(text[6..14], StringComparison.Ordinal)
                       && masked[..6] == text[..6] && masked[14..] == text[14..];
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "SEC-1")]
    public void SEC1_MaskedMobile_NeverShowsTheMiddleDigits_Property()
        => Prop.ForAll(Arb.From(from second in Gen.Choose(3, 9) from rest in Gen.ArrayOf(Digit, 9) select $"1{second}{new string(rest)}"), text =>
            {
                var masked = ChineseMobileNumber.Parse(text).ToString();
                return masked == text[..3] + "****" + text[7..];
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    [Trait("Rule", "WH-1")]
    public void WH1_EveryProvinceRoutesToExactlyOneWarehouse_RemoteOnesToCentral_Property()
    {
        Province[] remote = [Province.Liaoning, Province.Gansu, Province.Ningxia, Province.Tibet, Province.Xinjiang, Province.Yunnan, Province.InnerMongolia];
        Prop.ForAll(Arb.From(Gen.Elements(Province.All.ToArray())), province =>
            {
                var routes = WarehouseRouting.Default.Routes;
                var expected = remote.Contains(province) ? WarehouseId.Central : WarehouseId.Main;
                return WarehouseRouting.Default.Route(province) == expected && routes[province] == expected && routes.Count == 34;
            })
            .QuickCheckThrowOnFailure();
    }

    // A valid value with one character replaced by a different one from the alphabet.
    private static Gen<string> Mutations(Gen<string> valid, string alphabet) =>
        from text in valid
        from position in Gen.Choose(0, text.Length - 1)
        from replacement in Gen.Elements(alphabet.ToCharArray())
        where replacement != text[position]
        select string.Concat(text.AsSpan(0, position), replacement.ToString(), text.AsSpan(position + 1));
}

using EcomRules.Customers;
using EcomRules.Inventory;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

[Properties(Arbitrary = [typeof(CustomerArbitraries)])]
public sealed class IdentityNumberProperties
{
    private static readonly LocalDate Today = CustomerArbitraries.Today;

    [Property]
    [Trait("Rule", "CUS-2")]
    public bool CUS2_AnyBodyWithItsCheckCharacter_Parses_Property(ValidResidentId valid)
        => ResidentIdNumber.TryParse(valid.Text, Today, out var id) && id.Value == valid.Text;

    [Property]
    [Trait("Rule", "CUS-2")]
    public bool CUS2_ChangingAnySingleCharacter_Fails_Property(Mutation<ValidResidentId> changed)
        => !ResidentIdNumber.TryParse(changed.Text, Today, out _);

    [Property]
    [Trait("Rule", "CUS-1")]
    public bool CUS1_AnyBodyWithItsCheckCharacters_Parses_Property(ValidCreditCode valid)
        => UnifiedSocialCreditCode.TryParse(valid.Text, out var code) && code.Value == valid.Text;

    [Property]
    [Trait("Rule", "CUS-1")]
    public bool CUS1_ChangingAnySingleCharacter_Fails_Property(Mutation<ValidCreditCode> changed)
        => !UnifiedSocialCreditCode.TryParse(changed.Text, out _);

    [Property]
    [Trait("Rule", "SEC-1")]
    public bool SEC1_MaskedResidentId_NeverShowsTheMiddleDigits_Property(ValidResidentId valid)
    {
        var text = valid.Text;
        var masked = ResidentIdNumber.Parse(text, Today).ToString();
        return masked.Length == 18
               && masked[6..14] == "********"
               && !masked.Contains(text[6..14], StringComparison.Ordinal)
               && masked[..6] == text[..6] && masked[14..] == text[14..];
    }

    [Property]
    [Trait("Rule", "SEC-1")]
    public bool SEC1_MaskedMobile_NeverShowsTheMiddleDigits_Property(MobileNumber mobile)
    {
        var text = mobile.Text;
        return ChineseMobileNumber.Parse(text).ToString() == text[..3] + "****" + text[7..];
    }

    [Property]
    [Trait("Rule", "WH-1")]
    public bool WH1_EveryProvinceRoutesToExactlyOneWarehouse_RemoteOnesToCentral_Property(Province province)
    {
        Province[] remote = [Province.Liaoning, Province.Gansu, Province.Ningxia, Province.Tibet, Province.Xinjiang, Province.Yunnan, Province.InnerMongolia];
        var routes = WarehouseRouting.Default.Routes;
        var expected = remote.Contains(province) ? WarehouseId.Central : WarehouseId.Main;
        return WarehouseRouting.Default.Route(province) == expected && routes[province] == expected && routes.Count == 34;
    }
}

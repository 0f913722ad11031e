using EcomRules.Customers;
using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// A merchant applies to the platform with its qualifications (MER-1): the business licence's unified social credit
/// code (18 characters, GB 32100-2015 check characters) and its tax registration number. An invalid code or a missing
/// tax registration is refused naming MER-1, and nothing is stored. The merchant is then
/// <see cref="MerchantState.UnderReview"/> until <see cref="ReviewQualification"/>.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who applies for the merchant.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The new merchant's ID.</param>
/// <param name="Name">The registered name on the business licence.</param>
/// <param name="CreditCode">The business licence's unified social credit code, as written.</param>
/// <param name="TaxRegistration">The tax registration (taxpayer identification) number: 15 to 20 letters and digits.</param>
public sealed record ApplyForAdmission(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant, string Name, string CreditCode, string TaxRegistration)
    : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => Merchant.Key;

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
    {
        if (Merchant.Value.Length == 0 || string.IsNullOrWhiteSpace(Name))
        {
            return new InputProblem("An application for admission names the merchant and its registered name.", RuleIds.Mer1);
        }

        if (string.IsNullOrWhiteSpace(CreditCode))
        {
            return new InputProblem("An application for admission needs the business licence's unified social credit code.", RuleIds.Mer1);
        }

        if (UnifiedSocialCreditCode.Problem(CreditCode) is { } problem)
        {
            return new InputProblem($"'{CreditCode}' is not a valid unified social credit code (GB 32100-2015): {problem}.", RuleIds.Mer1);
        }

        return TaxRegistrationProblem(TaxRegistration) ?? limits.Text(Name, "registered name");
    }

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        if (input.Find(Target) is not null)
        {
            return CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"Merchant {Merchant} already exists.");
        }

        var code = UnifiedSocialCreditCode.Parse(CreditCode);
        var merchant = Merchants.Merchant.Apply(Merchant, Name.Trim(), code, Normalize(TaxRegistration), Actor.Id, At);
        return CommandOutcome.Accept("(new) → UnderReview", [new AggregateWrite(Target, 0, merchant)], [new MerchantApplied(Target, At, merchant.Name, code)]);
    }

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
        => writer.Add("merchant", Merchant.Value).Add("name", Name).Add("uscc", CreditCode).Add("tax", TaxRegistration);

    // MER-1: a taxpayer identification number has 15 (old), 18 (the unified code) or 20 characters, letters and digits.
    private static InputProblem? TaxRegistrationProblem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new InputProblem("An application for admission needs the merchant's tax registration number.", RuleIds.Mer1);
        }

        var normalized = Normalize(value);
        return normalized.Length is >= 15 and <= 20 && normalized.All(char.IsAsciiLetterOrDigit)
            ? null
            : new InputProblem($"'{Customers.PersonalDataMask.Keep(normalized, 0, 0)}' is not a tax registration number: 15 to 20 letters and digits.", RuleIds.Mer1); // an individual business's may be its owner's resident ID (SEC-1)
    }

    private static string Normalize(string value) => value.Trim().ToUpperInvariant();
}

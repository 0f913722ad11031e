using EcomRules.Customers;
using EcomRules.Commands;
using EcomRules.Merchants;
using EcomRules.Tests.Merchants;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

/// <summary>A valid unified social credit code and one single-character change to it (position, replacement).</summary>
public sealed record CreditCodeEdit(string Code, int Position, char Replacement)
{
    /// <summary>Gets the code with the one character changed.</summary>
    public string Changed => Code[..Position] + Replacement + Code[(Position + 1)..];

    /// <inheritdoc />
    public override string ToString() => $"{Code} → {Changed}";
}

/// <summary>Sanctions attempted in order: the step asked for (-1: the next one), whether a reason is given, whether operations asks.</summary>
public sealed record LadderRun((int Step, bool Reason, bool Platform, bool Violation)[] Plan)
{
    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Plan.Select(p => p.Violation ? "violation" : $"{(p.Step < 0 ? "next" : ((SanctionStep)p.Step).ToString())}{(p.Reason ? "" : " (no reason)")}{(p.Platform ? "" : " (by merchant)")}"));
}

/// <summary>An admission on <see cref="Day"/> with a re-review every <see cref="Months"/> months.</summary>
public sealed record AdmissionDay(LocalDate Day, int Months)
{
    /// <inheritdoc />
    public override string ToString() => $"{Day:uuuu-MM-dd} every {Months} months";
}

[Properties(Arbitrary = [typeof(MerchantProperties)])]
public sealed class MerchantProperties
{
    private const string Other = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-";

    [Property]
    [Trait("Rule", "MER-1")]
    public bool MER1_valid_codes_are_admitted_and_any_single_character_change_is_refused(CreditCodeEdit edit)
    {
        var f = new MerchantFixture();
        var changed = f.Run(f.Apply(code: edit.Changed));
        var changedRefused = changed.IsRefused && changed.RuleId == RuleIds.Mer1 && changed.Code == RefusalCode.InvalidInput && f.Merchant(MerchantFixture.Shop) is null;
        var valid = f.Run(f.Apply(code: edit.Code));
        return changedRefused && valid.IsAccepted && valid.StateAs<Merchant>().CreditCode.Value == edit.Code;
    }

    [Property]
    [Trait("Rule", "MER-3")]
    public bool MER3_the_ladder_never_skips_a_step_never_goes_back_and_the_rating_never_rises(LadderRun run)
    {
        var f = new MerchantFixture();
        var merchant = f.Admitted();
        foreach (var (step, reason, platform, violation) in run.Plan)
        {
            var actor = platform ? MerchantFixture.Reviewer : MerchantFixture.Applicant;
            EcomCommand command = violation
                ? new RecordMerchantViolation(f.NextId(), actor, MerchantFixture.Now, MerchantFixture.Shop, (ViolationKind)Math.Abs(step % 3), "C-1", reason ? "upheld" : "")
                : new SanctionMerchant(f.NextId(), actor, MerchantFixture.Now, MerchantFixture.Shop, step < 0 ? merchant.Ladder + 1 : (SanctionStep)step,
                    reason ? "repeated complaints" : " ");
            var before = f.Store.LoadAsync(MerchantFixture.Shop.Key).Result!;
            var decision = f.Run(command);
            var after = (Merchant)f.Store.LoadAsync(MerchantFixture.Shop.Key).Result!.State;
            if (decision.IsRefused && !ReferenceEquals(before.State, after))
            {
                return false; // a refusal changes nothing
            }

            var prior = (Merchant)before.State;
            if (after.Ladder < prior.Ladder || after.Ladder > prior.Ladder + 1 || after.Rating.Score > prior.Rating.Score)
            {
                return false;
            }

            merchant = after;
        }

        var steps = merchant.Sanctions.Select(s => (int)s.Step).ToArray();
        return steps.SequenceEqual(Enumerable.Range(1, steps.Length))
            && merchant.Sanctions.All(s => !string.IsNullOrWhiteSpace(s.Reason) && s.ActorId == MerchantFixture.Reviewer.Id)
            && (merchant.State == MerchantState.Removed) == (merchant.Ladder == SanctionStep.Removal)
            && (merchant.Ladder < SanctionStep.Suspension || merchant.State != MerchantState.Admitted);
    }

    [Property]
    [Trait("Rule", "MER-1")]
    public bool MER1_the_re_review_is_due_on_the_first_working_day_from_the_interval(AdmissionDay admission)
    {
        var f = new MerchantFixture();
        var merchant = f.Admitted(at: MerchantFixture.At(admission.Day), months: admission.Months);
        var calendar = f.Engine.Policy.Calendar;
        var earliest = admission.Day.PlusMonths(admission.Months);
        var due = merchant.ReReviewDue!.Value;
        var timer = f.Store.Timers.Single(t => t.Target == MerchantFixture.Shop.Key);
        return calendar.IsWorkingDay(due) && due >= earliest
            && Enumerable.Range(0, Period.Between(earliest, due, PeriodUnits.Days).Days).All(d => !calendar.IsWorkingDay(earliest.PlusDays(d)))
            && timer.DueAt == calendar.EndOfWorkingDay(due);
    }

    /// <summary>Valid codes from random divisions and organisation codes; a change anywhere to any other character.</summary>
    public static Arbitrary<CreditCodeEdit> Edits() => Arb.From(
        from division in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), 6).Select(c => new string(c))
        from organization in Gen.ArrayOf(Gen.Elements(UnifiedSocialCreditCode.Alphabet.ToCharArray()), 8).Select(c => new string(c))
        let code = MerchantFixture.Code(division, organization)
        from position in Gen.Choose(0, UnifiedSocialCreditCode.Length - 1)
        from replacement in Gen.Elements(Other.ToCharArray()).Where(c => c != code[position])
        select new CreditCodeEdit(code, position, replacement));

    /// <summary>Plans of up to twenty attempts, mostly the right step, sometimes a skip, a repeat, no reason or the merchant itself.</summary>
    public static Arbitrary<LadderRun> Runs() => Arb.From(
        Gen.ArrayOf(from step in Gen.Frequency((4, Gen.Constant(-1)), (2, Gen.Choose(0, 5))) from reason in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
                    from platform in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
                    from violation in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
                    select (step, reason, platform, violation)).Select(p => new LadderRun(p)),
        r => Shrinks.Array(r.Plan).Select(p => new LadderRun(p)));

    /// <summary>Any day of 2025 and 2026 (the built-in holiday years), intervals of 1 to 24 months.</summary>
    public static Arbitrary<AdmissionDay> Days() => Arb.From(
        from offset in Gen.Choose(0, 729)
        from months in Gen.Choose(1, 24)
        select new AdmissionDay(new LocalDate(2025, 1, 1).PlusDays(offset), months));
}

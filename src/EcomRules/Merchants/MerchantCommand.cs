using EcomRules.Commands;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// A command on an admitted or applying merchant (MER-1, MER-3, MER-4). A removed merchant takes no command (MER-3);
/// a refusal names the rule and changes nothing.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
public abstract record MerchantCommand(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant) : EcomCommand(CommandId, Actor, At)
{
    /// <summary>The kind of the re-review timer (MER-1).</summary>
    internal const string ReReviewTimerKind = "re-review-due";

    /// <summary>The kind of the permission decision timer (MER-4).</summary>
    internal const string PermissionTimerKind = "permission-decision-due";

    /// <inheritdoc />
    public override AggregateKey Target => Merchant.Key;

    /// <summary>Gets the rule the command enforces, named by its input refusals.</summary>
    internal abstract RuleId Rule { get; }

    /// <inheritdoc />
    internal override InputProblem? CheckInput(InputLimits limits)
        => Merchant.Value.Length == 0 ? new InputProblem("A merchant command names its merchant.", Rule) : CheckFields(limits);

    /// <summary>Checks the command's own fields.</summary>
    internal abstract InputProblem? CheckFields(InputLimits limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var stored = input.Find(Target);
        if (stored?.State is not Merchant merchant)
        {
            return CommandOutcome.NotFound(Target);
        }

        if (!merchant.ActsFor(Actor))
        {
            return NotStaff(Actor, Merchant);
        }

        return merchant.State == MerchantState.Removed
            ? CommandOutcome.Refuse(RuleIds.Mer3, $"Merchant {Merchant} was removed from the platform ({merchant.StateReason}); it takes no further command.")
            : Decide(merchant, stored.Version, input.Policy);
    }

    /// <summary>Decides the command on the merchant (not removed), pure.</summary>
    internal abstract CommandOutcome Decide(Merchant merchant, long version, EcomPolicy policy);

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("merchant", Merchant.Value);
        WriteFields(writer);
    }

    /// <summary>Writes the command's own fields to the fingerprint.</summary>
    internal abstract void WriteFields(PayloadWriter writer);

    /// <summary>Accepts the change to <paramref name="next"/>.</summary>
    internal CommandOutcome Accept(Merchant merchant, long version, Merchant next, IReadOnlyList<DomainEvent> events, IReadOnlyList<TimerRequest>? timers = null)
        => CommandOutcome.Accept(merchant.State == next.State ? $"{Action} ({next.State})" : $"{merchant.State} → {next.State}",
            [new AggregateWrite(Target, version, next)], events, timers);

    /// <summary>The re-review timer (MER-1), due at the end of the working day <paramref name="due"/>, or cancelled when null.</summary>
    internal TimerRequest ReReviewTimer(LocalDate? due, EcomPolicy policy)
        => new(Target, RuleIds.Mer1.Value, ReReviewTimerKind, due is { } day ? policy.Calendar.EndOfWorkingDay(day) : null);

    /// <summary>The permission decision timer of one request (MER-4).</summary>
    internal TimerRequest PermissionTimer(string request, Instant? dueAt)
        => new(Target, RuleIds.Mer4.Value + "/" + request, PermissionTimerKind, dueAt);

    /// <summary>SEC-2: a person in the merchant role acts only for the merchants whose <see cref="Merchants.Merchant.Staff"/> lists them.</summary>
    /// <remarks>Not permitted, like SEC-2's role check: not recorded under the command ID, so the same command is decided afresh once the person is added.</remarks>
    internal static CommandOutcome NotStaff(Actor actor, MerchantId merchant)
        => CommandOutcome.Refuse(RefusalCode.NotPermitted, $"{actor.Id} does not act for merchant {merchant}: a merchant's staff act only for their own merchant.", RuleIds.Sec2);

    /// <summary>SEC-2: a staff member is named by a non-blank actor ID within the policy's code limit.</summary>
    internal static InputProblem? StaffIdProblem(string? staffId, InputLimits limits)
        => string.IsNullOrWhiteSpace(staffId) ? new InputProblem("A merchant's staff member is named by their actor ID.", RuleIds.Sec2) : limits.Code(staffId, "staff ID");

    /// <summary>Refuses a command the platform's operations staff must issue (reviews and decisions).</summary>
    internal static CommandOutcome? ByPlatform(Actor actor, RuleId rule, string what)
        => actor.Role == ActorRole.Operations
            ? null
            : CommandOutcome.Refuse(rule, $"{what} is decided by the platform's operations staff; {actor.Id} acts as '{actor.Role}'.");

    /// <summary>Refuses blank or over-long text the rule requires.</summary>
    internal static InputProblem? Required(string? text, string what, RuleId rule, InputLimits limits)
        => string.IsNullOrWhiteSpace(text) ? new InputProblem($"The {what} is required.", rule) : limits.Reason(text, what);

    /// <summary>Refuses a number that cannot be part of a key: 1-64 characters, no white space or '/'.</summary>
    internal static InputProblem? Number(string? number, string what, RuleId rule)
        => string.IsNullOrEmpty(number) || number.Length > 64 || number.Any(static c => char.IsWhiteSpace(c) || c == '/')
            ? new InputProblem($"The {what} must be 1-64 characters without white space or '/'; it is '{number}'.", rule)
            : null;
}

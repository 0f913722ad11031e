namespace EcomRules.Commands;

/// <summary>
/// The kind of a refusal. A refusal also carries, wherever a catalogue rule applies, the most specific rule as
/// <see cref="Decision.RuleId"/>. <see cref="NotFound"/> and <see cref="InvalidInput"/> refusals are not recorded
/// under their command ID (a retry is decided again); the others are.
/// </summary>
public enum RefusalCode
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>A rule of the catalogue refused the command; <see cref="Decision.RuleId"/> names it.</summary>
    RuleViolation = 1,

    /// <summary>
    /// The command's own data is invalid whatever the state (an empty order, a null line, an amount past
    /// <see cref="Money.MaxYuan"/>, text over the policy's input limits, an instant outside the years 1900 to 8999);
    /// <see cref="Decision.RuleId"/> names the rule at stake when there is one (ORD-1 for an order's total). Not recorded.
    /// </summary>
    InvalidInput = 2,

    /// <summary>The command targets an aggregate that does not exist (yet). Not recorded: a retry once it exists is decided again.</summary>
    NotFound = 3,

    /// <summary>The command would create an aggregate that already exists.</summary>
    AlreadyExists = 4,

    /// <summary>The command ID was used before with a different payload (idempotency keys are single-use).</summary>
    CommandIdReused = 5,

    /// <summary>
    /// The command's instant or one of its deadlines falls in a year the working calendar has no public-holiday data
    /// for, beyond what the policy computes provisionally (DSP-1; <see cref="Decision.RuleId"/> is DSP-1). Not recorded
    /// against the command ID: a retry after the year's data is added is decided afresh.
    /// </summary>
    CalendarNotCovered = 6,
}

namespace EcomRules.Engine;

/// <summary>The kind of a refusal. Catalogue refusals also carry the <see cref="RuleId"/> that refused.</summary>
public enum RefusalCode
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>A rule of the catalogue refused the command; <see cref="Decision.RuleId"/> names it.</summary>
    RuleViolation = 1,

    /// <summary>The command's data is invalid (a negative quantity, an empty order); nothing in the catalogue is at stake.</summary>
    InvalidInput = 2,

    /// <summary>The command targets an aggregate that does not exist.</summary>
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

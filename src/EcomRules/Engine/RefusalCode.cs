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
}

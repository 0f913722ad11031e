namespace EcomRules.Calendars;

/// <summary>
/// What happens when a command's instant or one of its deadlines falls in a year the public-holiday calendar has no
/// data for (DSP-1). Either way <see cref="Engine.EcomEngine.ExecuteAsync"/> answers with a decision; it never
/// throws for an uncovered year.
/// </summary>
public enum UncoveredYears
{
    /// <summary>
    /// The days of an uncovered year count as ordinary weeks with the merchant's hours (Monday to Saturday by default,
    /// no statutory holidays, no make-up days). Every durable deadline computed that way is marked provisional on its
    /// aggregate (<see cref="Commands.ProvisionalDeadline"/>) and in its events, and is recomputed on the real calendar
    /// when the year's data is added (SLA-8). This is the default: a shop keeps taking payments on 1 January.
    /// </summary>
    Provisional = 0,

    /// <summary>The command is refused naming DSP-1, with a sentence that says which year's data is missing and how to add it.</summary>
    Refuse = 1,
}

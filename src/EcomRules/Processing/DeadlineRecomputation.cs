namespace EcomRules.Processing;

/// <summary>What recomputing the deadlines of one added public-holiday year did (SLA-8).</summary>
/// <param name="Year">The year whose data was added.</param>
/// <param name="Aggregates">How many aggregates had a timer due in or after that year and were looked at.</param>
/// <param name="Changed">How many had provisional deadlines that were recomputed (one audit entry each).</param>
/// <param name="Replayed">How many had already been recomputed for the same data (nothing changed again).</param>
public sealed record DeadlineRecomputation(int Year, int Aggregates, int Changed, int Replayed);

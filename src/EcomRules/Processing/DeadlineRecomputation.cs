namespace EcomRules.Processing;

/// <summary>What recomputing the deadlines of one added public-holiday year did (SLA-8).</summary>
/// <param name="Year">The year whose data was added.</param>
/// <param name="Aggregates">How many aggregates had pending provisional deadlines.</param>
/// <param name="Changed">How many of them had deadlines that moved or stopped being provisional (one audit entry each).</param>
/// <param name="Replayed">How many had already been recomputed for the same data and state (nothing changed again).</param>
public sealed record DeadlineRecomputation(int Year, int Aggregates, int Changed, int Replayed);

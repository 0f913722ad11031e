using NodaTime;

namespace EcomRules.Testing;

/// <summary>
/// What a <see cref="FaultInjectingStore"/> injects, and how often. Every choice is drawn from one pseudo-random
/// sequence seeded by <see cref="Seed"/>, so the same seed and the same sequence of calls inject the same faults.
/// </summary>
public sealed record StoreFaults
{
    /// <summary>Gets the seed of the pseudo-random sequence the faults are drawn from.</summary>
    /// <value>The default is 0.</value>
    public int Seed { get; init; }

    /// <summary>
    /// Gets the probability that a save which writes aggregates fails with a <see cref="Commands.ConcurrencyConflictException"/>
    /// as though another writer had got there first; nothing is saved.
    /// </summary>
    /// <value>The default is 0 (never). Between 0 and 1.</value>
    public double ConflictProbability { get; init; }

    /// <summary>
    /// Gets the probability that a save crashes before it commits: it throws <see cref="StoreCrashException"/> and
    /// nothing is saved.
    /// </summary>
    /// <value>The default is 0 (never). Between 0 and 1.</value>
    public double CrashBeforeCommitProbability { get; init; }

    /// <summary>
    /// Gets the probability that a save crashes after it commits: everything is saved, but the caller gets a
    /// <see cref="StoreCrashException"/> and cannot tell (the lost acknowledgement a retry with the same command ID
    /// must survive).
    /// </summary>
    /// <value>The default is 0 (never). Between 0 and 1.</value>
    public double CrashAfterCommitProbability { get; init; }

    /// <summary>Gets the probability that a call (any read, save, claim or completion) is delayed before it runs.</summary>
    /// <value>The default is 0 (never). Between 0 and 1.</value>
    public double DelayProbability { get; init; }

    /// <summary>Gets the longest delay; each delay is drawn uniformly between zero and this, to the millisecond.</summary>
    /// <value>The default is 10 milliseconds. Not negative.</value>
    public Duration MaxDelay { get; init; } = Duration.FromMilliseconds(10);

    /// <summary>Checks the settings (the store's constructor does).</summary>
    /// <param name="paramName">The parameter the settings came in.</param>
    /// <exception cref="ArgumentOutOfRangeException">A probability is outside 0–1, the three save faults add up to
    /// more than 1, or <see cref="MaxDelay"/> is negative.</exception>
    internal void Validate(string paramName)
    {
        Check(ConflictProbability, nameof(ConflictProbability), paramName);
        Check(CrashBeforeCommitProbability, nameof(CrashBeforeCommitProbability), paramName);
        Check(CrashAfterCommitProbability, nameof(CrashAfterCommitProbability), paramName);
        Check(DelayProbability, nameof(DelayProbability), paramName);
        if (ConflictProbability + CrashBeforeCommitProbability + CrashAfterCommitProbability > 1)
        {
            throw new ArgumentOutOfRangeException(paramName, ConflictProbability + CrashBeforeCommitProbability + CrashAfterCommitProbability,
                "A save fails in at most one way: ConflictProbability, CrashBeforeCommitProbability and CrashAfterCommitProbability add up to more than 1.");
        }

        if (MaxDelay < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, MaxDelay, "MaxDelay is negative.");
        }
    }

    private static void Check(double probability, string name, string paramName)
    {
        if (!(probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(paramName, probability, $"{name} is a probability: between 0 and 1.");
        }
    }
}

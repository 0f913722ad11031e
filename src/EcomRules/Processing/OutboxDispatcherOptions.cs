using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Processing;

/// <summary>Options of <see cref="OutboxDispatcher"/>.</summary>
public sealed class OutboxDispatcherOptions
{
    private int _batchSize = 32;
    private Duration _lease = Duration.FromMinutes(1);
    private int _maxAttempts = 8;
    private Duration _initialBackoff = Duration.FromSeconds(10);
    private Duration _maxBackoff = Duration.FromMinutes(10);
    private OutboxReactionRegistry _reactions = OutboxReactionRegistry.Default;

    /// <summary>Gets or sets the reactions to events run after each delivery (one module reacting to another's events).</summary>
    /// <value>The default is <see cref="OutboxReactionRegistry.Default"/>: the complaints module's (AFS-1, ORD-5).</value>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public OutboxReactionRegistry Reactions
    {
        get => _reactions;
        set => _reactions = Preconditions.CheckNotNull(value);
    }

    /// <summary>Gets or sets how many messages one run claims.</summary>
    /// <value>The default is 32; between 1 and 1000.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1..1000.</exception>
    public int BatchSize
    {
        get => _batchSize;
        set => _batchSize = Preconditions.CheckArgumentRange(value, 1, 1000);
    }

    /// <summary>Gets or sets how long a claim holds; a message whose owner died is delivered again once it expires.
    /// Make it longer than the slowest port call times <see cref="BatchSize"/>.</summary>
    /// <value>The default is 1 minute; positive.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public Duration Lease
    {
        get => _lease;
        set => _lease = Positive(value);
    }

    /// <summary>Gets or sets after how many failed deliveries a message is dead-lettered (it waits for a person).</summary>
    /// <value>The default is 8; between 1 and 1000.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1..1000.</exception>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = Preconditions.CheckArgumentRange(value, 1, 1000);
    }

    /// <summary>Gets or sets the wait after the first failure; each further failure doubles it, up to <see cref="MaxBackoff"/>.</summary>
    /// <value>The default is 10 seconds; positive.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public Duration InitialBackoff
    {
        get => _initialBackoff;
        set => _initialBackoff = Positive(value);
    }

    /// <summary>Gets or sets the longest wait between two deliveries of a message.</summary>
    /// <value>The default is 10 minutes; positive.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public Duration MaxBackoff
    {
        get => _maxBackoff;
        set => _maxBackoff = Positive(value);
    }

    /// <summary>Gets the wait after the <paramref name="failures"/>-th failure: exponential, capped.</summary>
    /// <param name="failures">How many deliveries have failed, at least 1.</param>
    /// <returns>The wait.</returns>
    public Duration BackoffAfter(int failures)
    {
        var backoff = _initialBackoff;
        for (var i = 1; i < failures && backoff < _maxBackoff; i++)
        {
            backoff += backoff;
        }

        return backoff < _maxBackoff ? backoff : _maxBackoff;
    }

    internal static Duration Positive(Duration value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
        => value > Duration.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "The duration must be positive.");
}

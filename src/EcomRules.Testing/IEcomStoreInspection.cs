using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Testing;

/// <summary>
/// Lets <see cref="StoreContract"/> see what <see cref="IEcomStore"/> does not expose yet: the outbox and the timers.
/// A storage adapter under test implements it (directly, or through a test-only wrapper that also implements
/// <see cref="IEcomStore"/> by delegation), so the contract can check that outbox messages and timers commit with
/// the rest of a change set.
/// </summary>
public interface IEcomStoreInspection
{
    /// <summary>Reads every outbox message, delivered or not, in commit order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages, lowest sequence first.</returns>
    ValueTask<IReadOnlyList<StoredOutboxMessage>> ReadOutboxAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the scheduled timers (cancelled timers are gone).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The timers, earliest due first, then by timer ID.</returns>
    ValueTask<IReadOnlyList<TimerRequest>> ReadTimersAsync(CancellationToken cancellationToken = default);
}

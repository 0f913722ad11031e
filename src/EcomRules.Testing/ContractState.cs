namespace EcomRules.Testing;

/// <summary>
/// The aggregate state <see cref="StoreContract"/> saves: small, immutable and compared by value, so a durable adapter
/// that serializes states passes as long as what it loads equals what it saved.
/// </summary>
/// <param name="Name">A name.</param>
/// <param name="Counter">A counter.</param>
public sealed record ContractState(string Name, int Counter);

using EcomRules.Ports;

namespace EcomRules.Testing;

/// <summary>One rule of the store contract, runnable from any test framework.</summary>
public sealed class StoreContractCase
{
    /// <summary>Creates a case.</summary>
    /// <param name="name">A sentence naming the rule.</param>
    /// <param name="runAsync">Checks the rule against a fresh store from the factory.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="runAsync"/> is null.</exception>
    public StoreContractCase(string name, Func<Func<IEcomStore>, CancellationToken, Task> runAsync)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(runAsync);
        Name = name;
        RunAsync = runAsync;
    }

    /// <summary>Gets a sentence naming the rule, unique within <see cref="StoreContract.Cases"/>.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets the check: given a factory of fresh, empty stores and a cancellation token, it completes when the store
    /// honours the rule and throws <see cref="StoreContractException"/> when it does not.
    /// </summary>
    public Func<Func<IEcomStore>, CancellationToken, Task> RunAsync { get; }

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}

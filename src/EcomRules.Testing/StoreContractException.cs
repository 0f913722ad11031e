namespace EcomRules.Testing;

/// <summary>Thrown by a <see cref="StoreContractCase"/> when the store under test breaks the store contract.</summary>
public sealed class StoreContractException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the store did wrong.</param>
    public StoreContractException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What the store did wrong.</param>
    /// <param name="innerException">The exception the store threw instead of the expected behaviour.</param>
    public StoreContractException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

namespace EcomRules.Testing;

/// <summary>One effect a fake port performed: the first request with its idempotency key, and the result it gave.</summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
/// <param name="Request">The request that caused the effect.</param>
/// <param name="Result">The result returned (and returned again for every repeat of the key).</param>
public sealed record PortEffect<TRequest, TResult>(TRequest Request, TResult Result);

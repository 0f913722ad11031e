using System.Globalization;

namespace EcomRules.Testing;

/// <summary>One call a fake port received, repeats and failures included.</summary>
/// <param name="Operation">The operation, such as <c>issue invoice</c> or <c>book pickup</c>.</param>
/// <param name="IdempotencyKey">The request's idempotency key.</param>
/// <param name="Request">The request as received.</param>
/// <param name="Outcome">What the port did with it.</param>
public sealed record PortCall(string Operation, string IdempotencyKey, object Request, PortCallOutcome Outcome)
{
    /// <summary>Describes the call through the request's own description, which masks personal data (SEC-1).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Operation} {Request}: {Outcome}");
}

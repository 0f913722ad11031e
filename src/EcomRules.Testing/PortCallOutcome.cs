namespace EcomRules.Testing;

/// <summary>What a fake port did with one call.</summary>
public enum PortCallOutcome
{
    /// <summary>The first call with its idempotency key: the effect happened (an invoice issued, a pickup booked, a message sent).</summary>
    Performed = 1,

    /// <summary>A repeat of an idempotency key already performed: the first result was returned and nothing happened again.</summary>
    Repeated = 2,

    /// <summary>The port answered with a refusal (a carrier refusing a pickup); nothing happened.</summary>
    Refused = 3,

    /// <summary>The port threw (a simulated outage); nothing happened.</summary>
    Failed = 4,
}

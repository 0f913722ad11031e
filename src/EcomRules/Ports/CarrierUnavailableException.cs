using System.Collections.Immutable;
using EcomRules.Commands;

namespace EcomRules.Ports;

/// <summary>Thrown when no carrier booked a shipment: every one failed or refused (CAR-2).</summary>
public sealed class CarrierUnavailableException : RuleViolationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="order">The order.</param>
    /// <param name="attempts">One line per carrier tried.</param>
    public CarrierUnavailableException(AggregateKey order, ImmutableArray<string> attempts)
        : base(RuleIds.Car2, $"No carrier booked the shipment of {order}: {string.Join("; ", attempts)}.")
    {
        Order = order;
        Attempts = attempts;
    }

    /// <summary>Gets the order.</summary>
    public AggregateKey Order { get; }

    /// <summary>Gets one line per carrier tried.</summary>
    public ImmutableArray<string> Attempts { get; }
}

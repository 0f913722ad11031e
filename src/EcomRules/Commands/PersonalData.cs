namespace EcomRules.Commands;

/// <summary>Whether a state holds a customer's personal data (<see cref="PersonalDataAttribute"/>, SEC-2).</summary>
internal static class PersonalData
{
    /// <summary>Whether <paramref name="state"/>'s type is marked as holding personal data.</summary>
    public static bool IsHeldBy(object state) => state.GetType().IsDefined(typeof(PersonalDataAttribute), inherit: false);
}

/// <summary>Whether an aggregate type holds a customer's personal data (<see cref="PersonalDataAttribute"/>, SEC-2).</summary>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
internal static class PersonalData<TAggregate>
    where TAggregate : class
{
    /// <summary>Gets whether <typeparamref name="TAggregate"/> holds personal data: its reads are audited.</summary>
    public static readonly bool Held = typeof(TAggregate).IsDefined(typeof(PersonalDataAttribute), inherit: false);

    /// <summary>Whether a read by <paramref name="id"/> is of personal data: the aggregate type is marked, or the ID says so (an aggregate the host added).</summary>
    public static bool IsRead(IAggregateId<TAggregate> id) => Held || id is IPersonalDataId<TAggregate>;

    /// <summary>Gets the message of an unaudited read of such an aggregate.</summary>
    public static string UnauditedRead
        => $"A {typeof(TAggregate).Name} holds a customer's personal data (SEC-2): read it through the engine with GetAsync(id, new DataAccess(actor, at, purpose)), which is audited.";
}

namespace EcomRules.Commands;

/// <summary>
/// The ID of an aggregate that holds a customer's personal data (SEC-1, SEC-2): an order's buyer, a return case's or a
/// complaint's phone number, a follow-up visit's notes. A read of it through the engine states who reads it and why
/// (<see cref="Engine.EcomEngine.GetAsync{TAggregate}(IAggregateId{TAggregate}, DataAccess, CancellationToken)"/>) and
/// leaves an audit entry; the unaudited <c>engine.GetAsync(id)</c> does not compile for it.
/// </summary>
/// <typeparam name="TAggregate">The aggregate type the ID identifies.</typeparam>
public interface IPersonalDataId<TAggregate> : IAggregateId<TAggregate>
    where TAggregate : class
{
}

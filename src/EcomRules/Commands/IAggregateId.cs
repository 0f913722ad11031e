namespace EcomRules.Commands;

/// <summary>
/// The ID of an aggregate of type <typeparamref name="TAggregate"/>: what lets a typed read
/// (<see cref="Engine.EcomEngine.GetAsync{TAggregate}(IAggregateId{TAggregate}, DataAccess, CancellationToken)"/>) know which type it returns without a cast or a switch.
/// <see cref="Orders.OrderId"/>, <see cref="Returns.ReturnCaseId"/> and <see cref="Refunds.RefundId"/> implement it, and
/// so does the ID of every later aggregate.
/// </summary>
/// <typeparam name="TAggregate">The aggregate type the ID identifies.</typeparam>
public interface IAggregateId<TAggregate>
    where TAggregate : class
{
    /// <summary>Gets the aggregate's key in the store.</summary>
    AggregateKey Key { get; }
}

namespace EcomRules.Tests.Orders;

/// <summary>What a refused command must leave untouched: the order's version and state object, and the store's counts.</summary>
public sealed record StoreSnapshot(long Version, object? State, int AuditCount, int OutboxCount, int TimerCount, int AggregateCount);

using EcomRules.Ports;
using EcomRules.Testing;

namespace EcomRules.Tests.Queues;

public sealed class InMemoryWorkQueueTests : WorkQueueStoreTests
{
    protected override Task<IEcomStore> OpenStoreAsync() => Task.FromResult<IEcomStore>(new InMemoryEcomStore());
}

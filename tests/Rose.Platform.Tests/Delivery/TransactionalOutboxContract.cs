using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.PubSub;
using Rose.Platform.Tests.Support;
using Rose.Storage;
using Rose.Storage.Outbox;
using Xunit;

namespace Rose.Platform.Tests.Delivery;

/// <summary>
/// The transactional outbox on one database provider: an event staged with a module's change is
/// published if and only if that change commits, and several drainers send each row once.
/// </summary>
public abstract class TransactionalOutboxContract : IAsyncLifetime
{
    private readonly RecordingTransport transport = new();
    private readonly List<ServiceProvider> replicas = [];
    private string connectionString = string.Empty;

    protected abstract StorageProvider Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync() => connectionString = await CreateDatabaseAsync();

    [Fact]
    public async Task StageEvent_loses_nothing_when_the_process_dies_after_the_commit_and_before_the_publish()
    {
        var dying = await ReplicaAsync();
        var posted = new SampleMessagePosted("acme", "c-1", "m-1", "visitor", DateTimeOffset.UtcNow);
        await using (var scope = dying.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme"))
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            db.Orders.Add(new Order { Id = "o-1" });
            db.StageEvent(posted);
            await db.SaveChangesAsync();
        }

        // The process dies here: its drainer never ran. The next one finds the event.
        await dying.DisposeAsync();
        replicas.Remove(dying);
        var next = await ReplicaAsync();
        await next.GetRequiredService<OutboxDrainer>().DrainOnceAsync(default);

        var sent = Assert.Single(transport.Sent);
        Assert.Equal(posted.Id.ToString(), sent.EventId);
        Assert.Equal(SampleTopics.ConversationMessage, sent.Topic);
        Assert.Equal(nameof(SampleMessagePosted), sent.EventType);
        Assert.Equal("acme", sent.TenantId);
        Assert.Contains("\"conversationId\":\"c-1\"", sent.Payload, StringComparison.Ordinal);
        Assert.Equal(0, await next.GetRequiredService<OutboxDrainer>().DrainOnceAsync(default));
    }

    [Fact]
    public async Task StageEvent_publishes_nothing_when_the_transaction_rolls_back()
    {
        var replica = await ReplicaAsync();
        await using (var scope = replica.CreateAsyncScope())
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme"))
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            // PostgreSQL retries on transient failures, so an explicit transaction runs through its strategy.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Orders.Add(new Order { Id = "o-rolled-back" });
                db.StageEvent(new SampleConversationEnded("acme", "c-rolled-back", DateTimeOffset.UtcNow, "idle"));
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            });
        }

        await replica.GetRequiredService<OutboxDrainer>().DrainOnceAsync(default);

        Assert.Empty(transport.Sent);
        await using var check = replica.CreateAsyncScope();
        using (check.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme"))
        {
            Assert.False(await check.ServiceProvider.GetRequiredService<OrdersDbContext>().Orders.AnyAsync());
            Assert.False(await check.ServiceProvider.GetRequiredService<OutboxDbContext>().Messages.AnyAsync());
        }
    }

    [Fact]
    public async Task StageEvent_refuses_an_event_of_another_tenant()
    {
        var replica = await ReplicaAsync();
        await using var scope = replica.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme"))
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            db.StageEvent(new SampleConversationEnded("globex", "c-other", DateTimeOffset.UtcNow, "idle"));

            await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task Two_drainers_deliver_each_row_once()
    {
        var first = await ReplicaAsync();
        var second = await ReplicaAsync();
        var publisher = first.GetRequiredService<IEventPublisher>();
        var published = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            var ended = new SampleConversationEnded(i % 3 == 0 ? "acme" : i % 3 == 1 ? "globex" : "initech", $"c-{i}", DateTimeOffset.UtcNow, "idle");
            published.Add(ended.Id.ToString());
            await publisher.PublishAsync(ended);
        }

        await Task.WhenAll(DrainUntilEmptyAsync(first), DrainUntilEmptyAsync(second)).Within("both drainers");

        Assert.Equal(published.Order(), transport.Sent.Select(m => m.EventId).Order());
    }

    [Fact]
    public async Task Failed_send_is_retried_and_holds_back_the_later_events_of_its_tenant()
    {
        var replica = await ReplicaAsync();
        var publisher = replica.GetRequiredService<IEventPublisher>();
        var acmeFirst = new SampleConversationEnded("acme", "c-first", DateTimeOffset.UtcNow, "idle");
        var acmeSecond = new SampleConversationEnded("acme", "c-second", DateTimeOffset.UtcNow, "idle");
        var globex = new SampleConversationEnded("globex", "c-globex", DateTimeOffset.UtcNow, "idle");
        await publisher.PublishAsync(acmeFirst);
        await publisher.PublishAsync(acmeSecond);
        await publisher.PublishAsync(globex);
        var failures = 1;
        transport.Fails = m => m.EventId == acmeFirst.Id.ToString() && Interlocked.Decrement(ref failures) >= 0;
        var drainer = replica.GetRequiredService<OutboxDrainer>();

        await drainer.DrainOnceAsync(default);
        Assert.Equal([globex.Id.ToString()], transport.Sent.Select(m => m.EventId));
        await Signals.UntilAsync(async () => await drainer.DrainOnceAsync(default) >= 0 && transport.Sent.Count == 3, "the retried sends");

        Assert.Equal([globex.Id.ToString(), acmeFirst.Id.ToString(), acmeSecond.Id.ToString()], transport.Sent.Select(m => m.EventId));
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private async Task<ServiceProvider> ReplicaAsync()
    {
        var replica = await OutboxDatabase.StartAsync(Provider, connectionString, transport);
        replicas.Add(replica);
        return replica;
    }

    private static async Task DrainUntilEmptyAsync(ServiceProvider replica)
    {
        var drainer = replica.GetRequiredService<OutboxDrainer>();
        while (await drainer.DrainOnceAsync(default) > 0)
        {
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Platform.Embedded.PubSub;
using Rose.Platform.PubSub;
using Rose.Platform.Tests.Support;
using Rose.Storage;
using Xunit;

namespace Rose.Platform.Tests.Embedded;

public sealed class OutboxTests : IDisposable
{
    private readonly TempDataFolder folder = new();
    private readonly CallLog log = new();

    [Fact]
    public async Task Publish_survives_a_restart_before_delivery()
    {
        // "Process" one publishes and dies before its drainer or dispatcher ever runs.
        using (var first = EmbeddedPlatformHost.Build(folder.Path, Configure))
        {
            await first.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);
            await first.Services.GetRequiredService<IEventPublisher>().PublishAsync(Messages.Posted("acme", "c-restart"));
        }

        Assert.Equal(0, log.Count("c-restart"));
        using var second = await EmbeddedPlatformHost.StartAsync(folder.Path, Configure);
        await log.WhenCalled("c-restart");
        Assert.Equal(1, log.Count("c-restart"));
        await second.StopAsync();
    }

    [Fact]
    public async Task Failing_handler_is_called_one_plus_max_retries_times_then_dead_lettered()
    {
        using var host = await EmbeddedPlatformHost.StartAsync(folder.Path, Configure);
        var ended = new SampleConversationEnded("acme", "c-fail", DateTimeOffset.UtcNow, "idle");
        await host.Services.GetRequiredService<IEventPublisher>().PublishAsync(ended);

        var deadLetters = host.Services.GetRequiredService<DeadLetterStore>();
        await Signals.UntilAsync(async () => (await deadLetters.ListAsync("acme", 10, default)).Count == 1, "the dead letter");

        // Dead-lettered means gone from the outbox: no further attempt can happen.
        Assert.Equal(1 + EmbeddedPlatformHost.MaxRetries, log.Count(FailingHandler.Name));
        var letter = Assert.Single(await deadLetters.ListAsync("acme", 10, default));
        Assert.Equal(ended.Id.ToString(), letter.EventId);
        Assert.Equal(SampleTopics.ConversationEnded, letter.Topic);
        Assert.Equal(1 + EmbeddedPlatformHost.MaxRetries, letter.Attempts);
        Assert.Contains("scoring service is down", letter.LastError, StringComparison.Ordinal);
        Assert.Empty(await deadLetters.ListAsync("other-tenant", 10, default));
        await host.StopAsync();
    }

    [Fact]
    public async Task Replay_puts_a_dead_letter_back_for_a_fresh_series_of_attempts()
    {
        using var host = await EmbeddedPlatformHost.StartAsync(folder.Path, Configure);
        await host.Services.GetRequiredService<IEventPublisher>().PublishAsync(new SampleConversationEnded("acme", "c-replay", DateTimeOffset.UtcNow, "idle"));
        var deadLetters = host.Services.GetRequiredService<DeadLetterStore>();
        await Signals.UntilAsync(async () => (await deadLetters.ListAsync(null, 10, default)).Count == 1, "the dead letter");
        var letter = (await deadLetters.ListAsync(null, 10, default))[0];

        Assert.True(await deadLetters.ReplayAsync(letter.Id, default));

        await log.WhenCalled(FailingHandler.Name, 2 * (1 + EmbeddedPlatformHost.MaxRetries));
        await Signals.UntilAsync(async () => (await deadLetters.ListAsync(null, 10, default)).Count == 1, "the event to be dead-lettered again");
        Assert.False(await deadLetters.ReplayAsync(letter.Id, default));
        await host.StopAsync();
    }

    [Fact]
    public async Task Poison_event_is_dead_lettered_without_retries()
    {
        using var host = await EmbeddedPlatformHost.StartAsync(folder.Path, Configure);
        await host.Services.GetRequiredService<IEventPublisher>().PublishAsync(new SampleKnowledgeUpdated("acme", ["d1"]));
        var deadLetters = host.Services.GetRequiredService<DeadLetterStore>();
        await Signals.UntilAsync(async () => (await deadLetters.ListAsync("acme", 10, default)).Count == 1, "the dead letter");

        Assert.Equal(1, log.Count(PoisonHandler.Name));
        Assert.Equal("Unknown document ids.", (await deadLetters.ListAsync("acme", 10, default))[0].LastError);
        await host.StopAsync();
    }

    [Fact]
    public async Task Redelivered_event_has_one_side_effect()
    {
        using var host = await EmbeddedPlatformHost.StartAsync(folder.Path, Configure);
        var publisher = host.Services.GetRequiredService<IEventPublisher>();
        var message = Messages.Posted("acme", "c-once");
        await publisher.PublishAsync(message);
        await log.WhenCalled("c-once");

        // The same event (same id) again, then a marker delivered after it.
        await publisher.PublishAsync(message);
        await publisher.PublishAsync(Messages.Posted("acme", "c-marker"));
        await log.WhenCalled("c-marker");

        Assert.Equal(1, log.Count("c-once"));
        await host.StopAsync();
    }

    [Fact]
    public async Task Publish_rejects_an_event_without_a_valid_tenant()
    {
        using var host = EmbeddedPlatformHost.Build(folder.Path, Configure);
        var publisher = host.Services.GetRequiredService<IEventPublisher>();

        await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(Messages.Posted("Not A Tenant", "c1")));
    }

    public void Dispose() => folder.Dispose();

    private void Configure(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddSingleton(log);
        services.AddRoseEventHandler<SampleMessagePosted, RecordingHandler>();
        services.AddRoseEventHandler<SampleConversationEnded, FailingHandler>();
        services.AddRoseEventHandler<SampleKnowledgeUpdated, PoisonHandler>();
    }
}

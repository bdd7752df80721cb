using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Chat.Data;
using Rose.Chat.Events;
using Rose.Chat.Jobs;
using Rose.Platform.PubSub;
using Rose.Storage;
using Rose.Storage.Outbox;
using Rose.Testing;
using Xunit;

namespace Rose.Chat.Tests;

/// <summary>
/// Chat's events are staged in the transaction that stores what they announce: with pub/sub down, the
/// stored turn and the ended conversation still have their events waiting in the outbox.
/// </summary>
public sealed class ConversationEventStagingTests : IAsyncLifetime
{
    private readonly RoseAppFactory<Program> factory = new RoseAppFactory<Program>()
        .With("Rose:Demo:Enabled", "false")
        .With("Rose:Chat:IdleAfter", "00:00:00");

    private WebApplicationFactory<Program> app = null!;

    public Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IOutboxTransport, UnreachableTransport>())));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RecordAsync_stages_conversation_message_for_both_messages_with_the_turn()
    {
        var client = new ChatClient(app);
        var tenant = await client.CreateTenantAsync("staged");
        var (id, token) = await client.StartAsync(tenant.PublicKey);

        await client.AskAsync(tenant.PublicKey, id, token, "Hello, is anyone there?");

        await using var scope = app.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("staged"))
        {
            var messageIds = await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Messages
                .Where(m => m.ConversationId == id).Select(m => m.Id).ToListAsync();
            var staged = await scope.ServiceProvider.GetRequiredService<OutboxDbContext>().Messages
                .Where(m => m.Topic == ChatTopics.ConversationMessage).ToListAsync();
            Assert.Equal(2, messageIds.Count);
            Assert.Equal(2, staged.Count);
            Assert.All(staged, m => Assert.Null(m.SentAt));
            Assert.All(messageIds, messageId => Assert.Contains(staged, m => m.Payload.Contains($"\"messageId\":\"{messageId}\"", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task RunAsync_stages_conversation_ended_in_the_transaction_that_ends_the_conversation()
    {
        var client = new ChatClient(app);
        var tenant = await client.CreateTenantAsync("ending");
        var (id, token) = await client.StartAsync(tenant.PublicKey);
        await client.AskAsync(tenant.PublicKey, id, token, "Hello, is anyone there?");

        await Task.WhenAll(RunJobAsync(), RunJobAsync());

        await using var scope = app.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("ending"))
        {
            var conversation = await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Conversations.SingleAsync(c => c.Id == id);
            var ended = await scope.ServiceProvider.GetRequiredService<OutboxDbContext>().Messages
                .Where(m => m.Topic == ChatTopics.ConversationEnded).ToListAsync();
            Assert.NotNull(conversation.EndedAt);
            var staged = Assert.Single(ended);
            Assert.Contains($"\"conversationId\":\"{id}\"", staged.Payload, StringComparison.Ordinal);
        }
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    private async Task RunJobAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConversationIdleCheckJob>().RunAsync(CancellationToken.None);
    }
}

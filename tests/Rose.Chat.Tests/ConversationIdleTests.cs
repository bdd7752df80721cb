using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Jobs;
using Rose.Platform;
using Rose.Chat.Events;
using Rose.Testing;
using Xunit;

namespace Rose.Chat.Tests;

public sealed class ConversationIdleTests
{
    [Fact]
    public async Task RunAsync_publishes_conversation_ended_once_for_an_idle_conversation()
    {
        await using var factory = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Chat:IdleAfter", "00:00:00");
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddRoseEventHandler<ConversationEnded, ConversationEndedLog>()));
        var client = new ChatClient(app);
        var tenant = await client.CreateTenantAsync("idle");
        var (id, token) = await client.StartAsync(tenant.PublicKey);
        var silent = await client.StartAsync(tenant.PublicKey);
        await client.AskAsync(tenant.PublicKey, id, token, "Hello, is anyone there?");

        // Two replicas at the same minute, then the next minute.
        await Task.WhenAll(RunJobAsync(app), RunJobAsync(app));
        await RunJobAsync(app);

        Assert.True(await ConversationEndedLog.Arrived.WaitAsync(TimeSpan.FromSeconds(30)), "conversation.ended was delivered");
        Assert.False(await ConversationEndedLog.Arrived.WaitAsync(TimeSpan.FromMilliseconds(500)), "only one conversation.ended");
        var ended = Assert.Single(ConversationEndedLog.Received);
        Assert.Equal(("idle", id, "idle"), (ended.TenantId, ended.ConversationId, ended.Reason));
        Assert.NotEqual(silent.Id, ended.ConversationId);
    }

    private static async Task RunJobAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConversationIdleCheckJob>().RunAsync(CancellationToken.None);
    }
}

extern alias search;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Api;
using Rose.Testing;
using Xunit;

namespace Rose.Apps.Tests;

/// <summary>
/// Two search replicas, as two pods behind the gateway, counting their limits in one real Redis
/// (<c>Rose:Limits:Redis</c>): a visitor's rate limits and a tenant's cap on streaming answers are one
/// limit between them, not one per replica.
/// </summary>
public sealed class SearchReplicaLimitsTests(SharedTenant tenant) : IClassFixture<SharedTenant>, IAsyncLifetime
{
    private readonly RedisServer redis = new();

    public Task InitializeAsync() => redis.InitializeAsync();

    [Fact]
    public async Task StartConversation_is_refused_by_either_replica_once_the_visitor_used_the_limit_on_both()
    {
        await using var first = Replica().With("Rose:Chat:ConversationsPerMinutePerVisitor", "3");
        await using var second = Replica().With("Rose:Chat:ConversationsPerMinutePerVisitor", "3");
        using var a = Widget(first);
        using var b = Widget(second);

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { a, b, a, b, a })
        {
            using var response = await client.PostAsync("/rose/v1/conversations", null);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        using var refused = await b.PostAsync("/rose/v1/conversations", null);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RecordWidgetEvents_is_refused_by_either_replica_once_the_visitor_used_the_limit_on_both()
    {
        await using var first = Replica().With("Rose:Analytics:EventBatchesPerMinutePerVisitor", "2");
        await using var second = Replica().With("Rose:Analytics:EventBatchesPerMinutePerVisitor", "2");
        using var a = Widget(first);
        using var b = Widget(second);
        var batch = new { events = new[] { new { type = "open" } } };

        using var one = await a.PostAsJsonAsync("/rose/v1/events", batch);
        using var two = await b.PostAsJsonAsync("/rose/v1/events", batch);
        using var three = await a.PostAsJsonAsync("/rose/v1/events", batch);

        Assert.Equal(HttpStatusCode.Accepted, one.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, two.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, three.StatusCode);
        Assert.Equal(429, (await three.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PostMessage_is_refused_by_one_replica_while_the_other_streams_the_tenants_last_allowed_answer()
    {
        await using var first = Replica().With("Rose:Chat:MaxConcurrentStreamsPerTenant", "1");
        await using var second = Replica().With("Rose:Chat:MaxConcurrentStreamsPerTenant", "1");
        using var b = Widget(second);
        // The first replica is streaming an answer: it holds the tenant's one slot.
        var streaming = await first.Services.GetRequiredService<TenantStreamSlots>().TryTakeAsync(SharedTenant.TenantId, CancellationToken.None);
        Assert.NotNull(streaming);

        using var refused = await AskAsync(b);
        await streaming.DisposeAsync();
        using var answered = await AskAsync(b);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("event: done", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private RoseAppFactory<search::Program> Replica() =>
        new RoseAppFactory<search::Program>().OnData(tenant.DataPath).With("Rose:Limits:Redis", redis.ConnectionString);

    private HttpClient Widget(RoseAppFactory<search::Program> app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Rose-Key", tenant.PublicKey);
        return client;
    }

    private static async Task<HttpResponseMessage> AskAsync(HttpClient widget)
    {
        using var started = await widget.PostAsync("/rose/v1/conversations", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversation.GetProperty("conversationId").GetString()}/messages")
        {
            Content = JsonContent.Create(new { text = "How much does the Classroom kit cost?" }),
        };
        ask.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.GetProperty("token").GetString());
        return await widget.SendAsync(ask);
    }

    public Task DisposeAsync() => redis.DisposeAsync();
}

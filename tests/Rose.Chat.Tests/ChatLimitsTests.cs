using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rose.Chat.Api;
using Rose.Platform.Limits;
using Rose.Testing;
using Xunit;

namespace Rose.Chat.Tests;

public sealed class ChatLimitsTests
{
    [Fact]
    public async Task PostMessage_gets_429_with_retry_after_past_the_visitors_rate_limit()
    {
        await using var app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Chat:MessagesPerMinutePerVisitor", "2");
        var client = new ChatClient(app);
        var tenant = await client.CreateTenantAsync("limited");
        var (id, token) = await client.StartAsync(tenant.PublicKey);

        var first = await client.PostAsync(tenant.PublicKey, id, token, "Hello?");
        await first.Content.ReadAsStringAsync();
        var second = await client.PostAsync(tenant.PublicKey, id, token, "Anyone there?");
        await second.Content.ReadAsStringAsync();
        var third = await client.PostAsync(tenant.PublicKey, id, token, "Hello again?");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Chat_keeps_answering_and_limiting_in_process_while_the_limits_Redis_is_unreachable()
    {
        // Nothing listens on this port: Rose:Limits:Redis is down for the whole test. Before, every
        // rate-limited request answered 500 (measured by the benchmarks' faults run).
        await using var app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Limits:Redis", $"127.0.0.1:{FreePort.Next()},connectTimeout=200")
            .With("Rose:Chat:MessagesPerMinutePerVisitor", "2");
        var client = new ChatClient(app);
        var tenant = await client.CreateTenantAsync("redis-down");
        var (id, token) = await client.StartAsync(tenant.PublicKey);

        var first = await client.PostAsync(tenant.PublicKey, id, token, "Hello?");
        var firstBody = await first.Content.ReadAsStringAsync();
        var second = await client.PostAsync(tenant.PublicKey, id, token, "Anyone there?");
        await second.Content.ReadAsStringAsync();
        var third = await client.PostAsync(tenant.PublicKey, id, token, "Hello again?");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("event: done", firstBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Fact]
    public async Task RecordWidgetEvents_gets_429_with_retry_after_past_the_visitors_rate_limit()
    {
        await using var app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Analytics:EventBatchesPerMinutePerVisitor", "2");
        var client = new ChatClient(app);
        var tenant = await client.CreateTenantAsync("chatty");
        var other = await client.CreateTenantAsync("quiet");
        using var widget = app.CreateClient();
        var batch = new { events = new[] { new { type = "open" } } };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/rose/v1/events") { Content = JsonContent.Create(batch) };
            request.Headers.Add("X-Rose-Key", tenant.PublicKey);
            using var response = await widget.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        using var otherRequest = new HttpRequestMessage(HttpMethod.Post, "/rose/v1/events") { Content = JsonContent.Create(batch) };
        otherRequest.Headers.Add("X-Rose-Key", other.PublicKey);
        using var otherTenant = await widget.SendAsync(otherRequest);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Accepted, otherTenant.StatusCode);
    }

    [Fact]
    public async Task TryTake_refuses_a_stream_past_the_tenants_cap_until_one_ends()
    {
        var slots = new TenantStreamSlots(Options.Create(new ChatOptions { MaxConcurrentStreamsPerTenant = 2 }), new InProcessConcurrencySlots());

        var a = await slots.TryTakeAsync("acme", CancellationToken.None);
        var b = await slots.TryTakeAsync("acme", CancellationToken.None);
        var refused = await slots.TryTakeAsync("acme", CancellationToken.None);
        var otherTenant = await slots.TryTakeAsync("globex", CancellationToken.None);
        await a!.DisposeAsync();
        await a.DisposeAsync();
        var afterRelease = await slots.TryTakeAsync("acme", CancellationToken.None);
        var refusedAgain = await slots.TryTakeAsync("acme", CancellationToken.None);

        Assert.NotNull(b);
        Assert.Null(refused);
        Assert.NotNull(otherTenant);
        Assert.NotNull(afterRelease);
        Assert.Null(refusedAgain);
    }
}

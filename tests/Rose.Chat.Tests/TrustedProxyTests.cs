using System.Net;
using Rose.Testing;
using Xunit;

namespace Rose.Chat.Tests;

/// <summary>
/// The visitor's address behind the gateway: <c>X-Forwarded-For</c> counts only from a configured
/// trusted proxy. Over real sockets (Kestrel on loopback): an in-memory test server has no peer
/// address, which the forwarded-headers middleware would trust.
/// </summary>
public sealed class TrustedProxyTests
{
    [Fact]
    public async Task Visitors_forwarded_by_a_trusted_proxy_get_a_rate_limit_bucket_each()
    {
        await using var app = Search().With("Rose:Network:TrustedProxies:0", "127.0.0.0/8").With("Rose:Network:TrustedProxies:1", "::1");
        app.UseKestrel(0);
        var tenant = await new ChatClient(app).CreateTenantAsync("proxied");

        var first = await StartAsync(app, tenant.PublicKey, "203.0.113.5", times: 3);
        var second = await StartAsync(app, tenant.PublicKey, "203.0.113.6", times: 2);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], second);
    }

    [Fact]
    public async Task A_forwarded_header_sent_straight_to_search_changes_nothing()
    {
        // Nothing trusted (the default): the peer is the visitor, whatever it claims.
        await using var app = Search();
        app.UseKestrel(0);
        var tenant = await new ChatClient(app).CreateTenantAsync("direct");

        var first = await StartAsync(app, tenant.PublicKey, "203.0.113.5", times: 2);
        var spoofed = await StartAsync(app, tenant.PublicKey, "198.51.100.77", times: 1);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], first);
        Assert.Equal([HttpStatusCode.TooManyRequests], spoofed);
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_not_an_address_stops_the_start()
    {
        await using var app = Search().With("Rose:Network:TrustedProxies:0", "gateway.internal");

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Rose:Network:TrustedProxies", failure.ToString(), StringComparison.Ordinal);
    }

    private static RoseAppFactory<Program> Search() => new RoseAppFactory<Program>()
        .With("Rose:Demo:Enabled", "false")
        .With("Rose:Chat:ConversationsPerMinutePerVisitor", "2");

    private static async Task<List<HttpStatusCode>> StartAsync(RoseAppFactory<Program> app, string publicKey, string forwardedFor, int times)
    {
        var statuses = new List<HttpStatusCode>();
        using var client = app.CreateClient();
        for (var i = 0; i < times; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/rose/v1/conversations");
            request.Headers.Add("X-Rose-Key", publicKey);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}

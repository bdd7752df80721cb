using Microsoft.Extensions.Options;
using Rose.Crm.HubSpot;
using Rose.Crm.HubSpot.Client;
using Xunit;

namespace Rose.Crm.Tests.HubSpot;

public sealed class HubSpotRateLimitHandlerTests
{
    [Fact]
    public async Task SendAsync_holds_a_tenants_call_beyond_its_10_second_window_and_lets_another_tenant_through()
    {
        using var windows = new HubSpotRateWindows(Options.Create(new HubSpotOptions { RequestsPerTenSeconds = 2 }));
        var sent = new List<string>();
        using var invoker = new HttpMessageInvoker(new HubSpotRateLimitHandler(windows) { InnerHandler = new Recorder(sent) });
        using var cancel = new CancellationTokenSource();

        await invoker.SendAsync(For("acme"), CancellationToken.None);
        await invoker.SendAsync(For("acme"), CancellationToken.None);
        var third = invoker.SendAsync(For("acme"), cancel.Token);
        await invoker.SendAsync(For("globex"), CancellationToken.None);
        await Task.Delay(500);

        Assert.False(third.IsCompleted, "the third call of acme waits for its window");
        Assert.Equal(["acme", "acme", "globex"], sent);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        Assert.Equal(3, sent.Count);
    }

    private static HttpRequestMessage For(string tenantId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://hubspot.invalid/account-info/v3/details");
        request.Options.Set(HubSpotRateLimitHandler.TenantKey, tenantId);
        return request;
    }

    private sealed class Recorder(List<string> sent) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(HubSpotRateLimitHandler.TenantKey, out var tenantId);
            lock (sent)
            {
                sent.Add(tenantId!);
            }

            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}

namespace Rose.Crm.HubSpot.Client;

/// <summary>
/// Keeps each tenant under HubSpot's burst limit (<see cref="HubSpotOptions.RequestsPerTenSeconds"/> per
/// rolling 10 seconds, counted per portal by HubSpot): a call over the window waits for a slot
/// instead of drawing a 429. Sits inside the retry handler, so every retry waits for a slot too.
/// One window per tenant in this process; several replicas each keep their own, and HubSpot's 429
/// with <c>Retry-After</c> covers the rest.
/// </summary>
public sealed class HubSpotRateLimitHandler(HubSpotRateWindows windows) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> TenantKey = new("rose-tenant");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(TenantKey, out var tenantId))
        {
            // OAuth token calls are the app's, not a portal's.
            return await base.SendAsync(request, cancellationToken);
        }

        using var lease = await windows.For(tenantId).AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new HubSpotApiException(null, "Too many HubSpot calls are waiting for this tenant.");
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

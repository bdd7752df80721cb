using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Crm.Webhooks.Data;
using Rose.Storage;
using Rose.Storage.Secrets;
using Rose.Tenancy.Keys;

namespace Rose.Crm.Webhooks;

/// <summary>
/// Sends the current tenant's deliveries: signed (<see cref="RoseSignature"/>), with <c>Rose-Delivery-Id</c>
/// and <c>Rose-Event</c>, every attempt logged; a failure is retried with exponential back-off until
/// <see cref="WebhookOptions.RetryFor"/> after the event; an endpoint failing for
/// <see cref="WebhookOptions.DisableAfter"/> is disabled with a notice.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookDbContext db,
    ICurrentTenant currentTenant,
    TenantSecretProtector secrets,
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "rose-webhooks";
    public const string SecretPurpose = "webhook-signing";
    public const string DeliveryIdHeader = "Rose-Delivery-Id";
    public const string EventHeader = "Rose-Event";

    /// <summary>Sends every delivery of the current tenant that is due; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Deliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        var attempted = 0;
        foreach (var id in due)
        {
            attempted += await DeliverAsync(id, cancellationToken) ? 1 : 0;
        }

        return attempted;
    }

    /// <summary>One attempt of the delivery if it is due; false when it was not (delivered, given up, or claimed by another replica).</summary>
    public async Task<bool> DeliverAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        // Claim the attempt by moving its due time past the attempt's length: of two replicas that saw it due, one sends.
        var lease = now + settings.Timeout + TimeSpan.FromMinutes(1);
        var claimed = await db.Deliveries
            .Where(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, lease), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var delivery = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var endpoint = await db.Endpoints.SingleOrDefaultAsync(e => e.Id == delivery.EndpointId, cancellationToken);
        if (endpoint is null || endpoint.DisabledAt is not null)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            delivery.LastError = endpoint is null ? "The endpoint was deleted." : "The endpoint is disabled.";
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        var (status, error, duration) = await SendAsync(endpoint, delivery, now, cancellationToken);
        delivery.Attempts++;
        delivery.LastStatusCode = status;
        delivery.LastError = error;
        db.Attempts.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id,
            EndpointId = endpoint.Id,
            Number = delivery.Attempts,
            At = now,
            StatusCode = status,
            Error = error,
            DurationMs = duration,
        });
        if (status is >= 200 and < 300)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
            endpoint.FailingSince = null;
        }
        else
        {
            endpoint.FailingSince ??= now;
            var giveUpAt = delivery.CreatedAt + settings.RetryFor;
            if (now >= giveUpAt)
            {
                delivery.Status = WebhookDeliveryStatus.Failed;
            }
            else
            {
                var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.InitialRetryDelay.Ticks * (1L << Math.Min(delivery.Attempts - 1, 30))));
                delivery.NextAttemptAt = now + delay < giveUpAt ? now + delay : giveUpAt;
            }

            if (now - endpoint.FailingSince.Value >= settings.DisableAfter)
            {
                await DisableAsync(endpoint, status, error, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task DisableAsync(WebhookEndpoint endpoint, int? status, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        endpoint.DisabledAt = now;
        var last = status is { } code ? $"HTTP {code}" : error ?? "no answer";
        endpoint.DisabledReason = Limit(
            $"Disabled on {now:yyyy-MM-dd HH:mm} UTC: every delivery failed since {endpoint.FailingSince:yyyy-MM-dd HH:mm} UTC (last: {last}). Fix the endpoint, then enable it again.", 500);
        await db.Deliveries
            .Where(d => d.EndpointId == endpoint.Id && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Failed).SetProperty(d => d.LastError, "The endpoint was disabled."), cancellationToken);
        logger.LogWarning("Webhook endpoint {EndpointId} of {TenantId} disabled after failing since {FailingSince}", endpoint.Id, endpoint.TenantId, endpoint.FailingSince);
    }

    private async Task<(int? Status, string? Error, int DurationMs)> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.TenantId ?? throw new TenantRequiredException();
        if (secrets.Unprotect(tenantId, SecretPurpose, endpoint.ProtectedSecret) is not { } secret)
        {
            return (null, "The signing secret cannot be read (the key ring changed); delete the endpoint and register it again.", 0);
        }

        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(RoseSignature.Header, RoseSignature.Sign(secret, now, body));
        request.Headers.TryAddWithoutValidation(DeliveryIdHeader, delivery.Id);
        request.Headers.TryAddWithoutValidation(EventHeader, delivery.EventType);
        var watch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, null, (int)watch.ElapsedMilliseconds);
        }
        catch (HttpRequestException e)
        {
            return (null, Limit(e.Message, 500), (int)watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Value.Timeout.TotalSeconds:0} s.", (int)watch.ElapsedMilliseconds);
        }
    }

    private static string Limit(string value, int length) => value.Length <= length ? value : value[..length];
}

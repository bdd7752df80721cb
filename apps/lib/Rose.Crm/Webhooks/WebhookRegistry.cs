using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rose.Crm.Webhooks.Api;
using Rose.Crm.Webhooks.Data;
using Rose.Storage;
using Rose.Storage.Secrets;
using Rose.Tenancy.Keys;

namespace Rose.Crm.Webhooks;

/// <summary>The current tenant's webhook endpoints: registration (URL checked, secret shown once), removal, re-enabling, the delivery log.</summary>
public sealed class WebhookRegistry(
    WebhookDbContext db, ICurrentTenant currentTenant, TenantSecretProtector secrets, WebhookUrlGuard guard, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const int LogLength = 100;

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Endpoints.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(e => e.CreatedAt).Select(View).ToList();

    public async Task<WebhookCreated> CreateAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.TenantId ?? throw new TenantRequiredException();
        if (await guard.RefusalAsync(request.Url, cancellationToken) is { } refusal)
        {
            throw new WebhookValidationException("url", refusal);
        }

        var events = request.Events is { Count: > 0 } chosen ? chosen.Distinct(StringComparer.Ordinal).ToList() : [.. WebhookEvents.All];
        if (events.FirstOrDefault(e => !WebhookEvents.All.Contains(e, StringComparer.Ordinal)) is { } unknown)
        {
            throw new WebhookValidationException("events", $"'{unknown}' is not an event; use {string.Join(", ", WebhookEvents.All)}.");
        }

        if (await db.Endpoints.CountAsync(cancellationToken) >= options.Value.MaxEndpointsPerTenant)
        {
            throw new WebhookValidationException("url", $"A tenant has at most {options.Value.MaxEndpointsPerTenant} webhook endpoints; delete one first.");
        }

        var secret = RoseSignature.NewSecret();
        var endpoint = new WebhookEndpoint
        {
            Id = "wh_" + Guid.CreateVersion7().ToString("N"),
            Url = request.Url!.Trim(),
            Events = string.Join(',', events),
            ProtectedSecret = secrets.Protect(tenantId, WebhookDispatcher.SecretPurpose, secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Endpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookCreated(View(endpoint), secret);
    }

    /// <summary>Removes the endpoint; its pending deliveries are given up. False when there is none with this id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var removed = await db.Endpoints.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await db.Deliveries.Where(d => d.EndpointId == id && d.Status == WebhookDeliveryStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Failed).SetProperty(d => d.LastError, "The endpoint was deleted."), cancellationToken);
        }

        return removed > 0;
    }

    /// <summary>Enables an endpoint Rose disabled; the next events are delivered again (those given up are not).</summary>
    public async Task<WebhookView?> EnableAsync(string id, CancellationToken cancellationToken)
    {
        var endpoint = await db.Endpoints.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return null;
        }

        endpoint.DisabledAt = null;
        endpoint.DisabledReason = null;
        endpoint.FailingSince = null;
        await db.SaveChangesAsync(cancellationToken);
        return View(endpoint);
    }

    /// <summary>The endpoint's last attempts, newest first; null when there is no such endpoint.</summary>
    public async Task<IReadOnlyList<WebhookAttemptView>?> LogAsync(string id, CancellationToken cancellationToken)
    {
        if (!await db.Endpoints.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return null;
        }

        var attempts = await db.Attempts.AsNoTracking().Where(a => a.EndpointId == id).OrderByDescending(a => a.Id).Take(LogLength).ToListAsync(cancellationToken);
        var ids = attempts.Select(a => a.DeliveryId).Distinct().ToList();
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.EventType, d.Status }).ToDictionaryAsync(d => d.Id, cancellationToken);
        return attempts.Select(a => new WebhookAttemptView(
            a.DeliveryId, deliveries.TryGetValue(a.DeliveryId, out var d) ? d.EventType : "", a.Number, a.At, a.StatusCode, a.Error, a.DurationMs,
            d is null ? "" : d.Status.ToString().ToLowerInvariant())).ToList();
    }

    private static WebhookView View(WebhookEndpoint e) =>
        new(e.Id, e.Url, e.EventList, e.CreatedAt, e.DisabledAt is null, e.FailingSince, e.DisabledAt, e.DisabledReason);
}

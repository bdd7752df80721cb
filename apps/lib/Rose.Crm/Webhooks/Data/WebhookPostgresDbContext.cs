using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Crm.Webhooks.Data;

/// <summary>The webhooks context on PostgreSQL, with its own migrations.</summary>
public sealed class WebhookPostgresDbContext(DbContextOptions<WebhookPostgresDbContext> options, ICurrentTenant currentTenant)
    : WebhookDbContext(options, currentTenant);

internal sealed class WebhookPostgresDesignTimeFactory()
    : DesignTimeContextFactory<WebhookPostgresDbContext>(StorageProvider.PostgreSql, WebhookDbContext.Module);

using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Crm.Webhooks.Data;

/// <summary>The webhooks context on SQLite, with its own migrations.</summary>
public sealed class WebhookSqliteDbContext(DbContextOptions<WebhookSqliteDbContext> options, ICurrentTenant currentTenant)
    : WebhookDbContext(options, currentTenant);

internal sealed class WebhookSqliteDesignTimeFactory()
    : DesignTimeContextFactory<WebhookSqliteDbContext>(StorageProvider.Sqlite, WebhookDbContext.Module);

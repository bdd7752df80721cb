using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Crm.Webhooks.Data;

/// <summary>Outbound webhooks: the tenants' endpoints, the deliveries and their attempts.</summary>
public abstract class WebhookDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "crm-webhooks";

    public DbSet<WebhookEndpoint> Endpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> Attempts => Set<WebhookAttempt>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookEndpoint>(e =>
        {
            e.ToTable("crm_webhook_endpoints");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.Events).HasMaxLength(200);
            e.Property(x => x.ProtectedSecret).HasMaxLength(2000);
            e.Property(x => x.DisabledReason).HasMaxLength(500);
            e.Ignore(x => x.EventList);
        });
        modelBuilder.Entity<WebhookDelivery>(d =>
        {
            d.ToTable("crm_webhook_deliveries");
            d.HasKey(x => new { x.TenantId, x.Id });
            d.Property(x => x.Id).HasMaxLength(40);
            d.Property(x => x.EndpointId).HasMaxLength(40);
            d.Property(x => x.EventId).HasMaxLength(64);
            d.Property(x => x.EventType).HasMaxLength(64);
            d.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            d.Property(x => x.LastError).HasMaxLength(500);
            // UTC ticks, so that both providers compare and order them in SQL.
            d.Property(x => x.NextAttemptAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            d.Property(x => x.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            // The same event delivered twice to the handler makes one delivery per endpoint.
            d.HasIndex(x => new { x.TenantId, x.EndpointId, x.EventId }).IsUnique();
            d.HasIndex(x => new { x.TenantId, x.Status, x.NextAttemptAt });
        });
        modelBuilder.Entity<WebhookAttempt>(a =>
        {
            a.ToTable("crm_webhook_attempts");
            a.HasKey(x => x.Id);
            a.Property(x => x.DeliveryId).HasMaxLength(40);
            a.Property(x => x.EndpointId).HasMaxLength(40);
            a.Property(x => x.Error).HasMaxLength(500);
            a.Property(x => x.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            a.HasIndex(x => new { x.TenantId, x.EndpointId, x.At });
        });
    }
}

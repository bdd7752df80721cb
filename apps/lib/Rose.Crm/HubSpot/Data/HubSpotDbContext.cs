using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>The HubSpot integration's per-tenant rows: the connection, what HubSpot says of the leads, idempotency records, failures and sync runs.</summary>
public abstract class HubSpotDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "crm-hubspot";

    // UTC ticks, so that both providers order and compare instants in SQL (SQLite cannot order DateTimeOffset).
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public DbSet<HubSpotConnection> Connections => Set<HubSpotConnection>();

    public DbSet<HubSpotContactLink> Contacts => Set<HubSpotContactLink>();

    public DbSet<HubSpotCompanyLink> Companies => Set<HubSpotCompanyLink>();

    public DbSet<HubSpotReceivedEvent> ReceivedEvents => Set<HubSpotReceivedEvent>();

    public DbSet<HubSpotPushedNote> Notes => Set<HubSpotPushedNote>();

    public DbSet<HubSpotSyncFailure> Failures => Set<HubSpotSyncFailure>();

    public DbSet<HubSpotOAuthState> OAuthStates => Set<HubSpotOAuthState>();

    public DbSet<HubSpotSyncRun> SyncRuns => Set<HubSpotSyncRun>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HubSpotConnection>(connection =>
        {
            connection.ToTable("crm_hubspot_connections");
            connection.HasKey(c => c.TenantId);
            connection.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            connection.Property(c => c.ProtectedAccessToken).HasMaxLength(4000);
            connection.Property(c => c.ProtectedRefreshToken).HasMaxLength(4000);
            connection.Property(c => c.ConnectedAt).HasConversion(UtcTicks);
            connection.Property(c => c.AccessTokenExpiresAt).HasConversion(UtcTicks);
            connection.Property(c => c.LastIncrementalSyncAt).HasConversion(UtcTicks);
        });
        modelBuilder.Entity<HubSpotContactLink>(contact =>
        {
            contact.ToTable("crm_hubspot_contacts");
            contact.HasKey(c => new { c.TenantId, c.ContactId });
            contact.Property(c => c.ContactId).HasMaxLength(40);
            contact.Property(c => c.Email).HasMaxLength(320);
            contact.Property(c => c.CompanyId).HasMaxLength(40);
            contact.Property(c => c.LifecycleStage).HasMaxLength(100);
            contact.Property(c => c.OwnerId).HasMaxLength(40);
            contact.Property(c => c.UpdatedAt).HasConversion(UtcTicks);
            contact.HasIndex(c => new { c.TenantId, c.Email });
            contact.HasIndex(c => new { c.TenantId, c.UpdatedAt });
        });
        modelBuilder.Entity<HubSpotCompanyLink>(company =>
        {
            company.ToTable("crm_hubspot_companies");
            company.HasKey(c => new { c.TenantId, c.CompanyId });
            company.Property(c => c.CompanyId).HasMaxLength(40);
            company.Property(c => c.Domain).HasMaxLength(253);
            company.Property(c => c.Name).HasMaxLength(300);
            company.Property(c => c.UpdatedAt).HasConversion(UtcTicks);
            company.HasIndex(c => new { c.TenantId, c.Domain });
        });
        modelBuilder.Entity<HubSpotReceivedEvent>(received =>
        {
            received.ToTable("crm_hubspot_received_events");
            received.HasKey(e => new { e.TenantId, e.EventId });
            received.Property(e => e.ReceivedAt).HasConversion(UtcTicks);
            received.HasIndex(e => new { e.TenantId, e.ReceivedAt });
        });
        modelBuilder.Entity<HubSpotPushedNote>(note =>
        {
            note.ToTable("crm_hubspot_notes");
            note.HasKey(n => new { n.TenantId, n.SourceKey });
            note.Property(n => n.SourceKey).HasMaxLength(80);
            note.Property(n => n.NoteId).HasMaxLength(40);
            note.Property(n => n.CreatedAt).HasConversion(UtcTicks);
        });
        modelBuilder.Entity<HubSpotSyncFailure>(failure =>
        {
            failure.ToTable("crm_hubspot_failures");
            failure.HasKey(f => new { f.TenantId, f.Id });
            failure.Property(f => f.Id).HasMaxLength(40);
            failure.Property(f => f.Kind).HasConversion<string>().HasMaxLength(24);
            failure.Property(f => f.SourceId).HasMaxLength(80);
            failure.Property(f => f.ProtectedEmail).HasMaxLength(4000);
            failure.Property(f => f.Error).HasMaxLength(1000);
            failure.Property(f => f.FirstFailedAt).HasConversion(UtcTicks);
            failure.Property(f => f.LastFailedAt).HasConversion(UtcTicks);
            failure.HasIndex(f => new { f.TenantId, f.Kind, f.SourceId }).IsUnique();
        });
        modelBuilder.Entity<HubSpotOAuthState>(state =>
        {
            state.ToTable("crm_hubspot_oauth_states");
            state.HasKey(s => new { s.TenantId, s.Nonce });
            state.Property(s => s.Nonce).HasMaxLength(64);
            state.Property(s => s.CreatedAt).HasConversion(UtcTicks);
        });
        modelBuilder.Entity<HubSpotSyncRun>(run =>
        {
            run.ToTable("crm_hubspot_sync_runs");
            run.HasKey(r => new { r.TenantId, r.Id });
            run.Property(r => r.Id).HasMaxLength(80);
            run.Property(r => r.Phase).HasConversion<string>().HasMaxLength(16);
            run.Property(r => r.After).HasMaxLength(200);
            run.Property(r => r.Error).HasMaxLength(1000);
            run.Property(r => r.StartedAt).HasConversion(UtcTicks);
            run.Property(r => r.FinishedAt).HasConversion(UtcTicks);
            run.HasIndex(r => new { r.TenantId, r.StartedAt });
        });
    }
}

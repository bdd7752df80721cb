using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Crm.Linear.Data;

/// <summary>The Linear integration's per-tenant rows: the connection and the tickets made from conversations.</summary>
public abstract class LinearDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "crm-linear";

    public DbSet<LinearConnection> Connections => Set<LinearConnection>();

    public DbSet<LinearIssueLink> Issues => Set<LinearIssueLink>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LinearConnection>(connection =>
        {
            connection.ToTable("crm_linear_connections");
            connection.HasKey(c => c.TenantId);
            connection.Property(c => c.TeamId).HasMaxLength(64);
            connection.Property(c => c.TeamKey).HasMaxLength(16);
            connection.Property(c => c.TeamName).HasMaxLength(200);
            connection.Property(c => c.ProtectedApiKey).HasMaxLength(4000);
            connection.Property(c => c.ConnectedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        modelBuilder.Entity<LinearIssueLink>(issue =>
        {
            issue.ToTable("crm_linear_issues");
            issue.HasKey(i => new { i.TenantId, i.ConversationId });
            issue.Property(i => i.ConversationId).HasMaxLength(40);
            issue.Property(i => i.IssueId).HasMaxLength(64);
            issue.Property(i => i.Identifier).HasMaxLength(32);
            issue.Property(i => i.Url).HasMaxLength(2000);
            issue.Property(i => i.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}

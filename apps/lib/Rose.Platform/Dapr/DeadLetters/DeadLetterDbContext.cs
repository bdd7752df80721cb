using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Platform.Dapr.DeadLetters;

/// <summary>Where the app that owns dead letters (admin) keeps what it read from the <c>*.dead-letter</c> topics.</summary>
public abstract class DeadLetterDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "deadletters";

    public DbSet<ReceivedDeadLetter> DeadLetters => Set<ReceivedDeadLetter>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ReceivedDeadLetter>(letter =>
        {
            letter.ToTable("platform_dead_letters");
            letter.HasKey(l => l.Id);
            letter.Property(l => l.EventId).HasMaxLength(64);
            letter.Property(l => l.Topic).HasMaxLength(200);
            letter.Property(l => l.DeadLetterTopic).HasMaxLength(200);
            letter.Property(l => l.Subscriber).HasMaxLength(200);
            letter.Property(l => l.EventType).HasMaxLength(200);
            letter.Property(l => l.Source).HasMaxLength(200);
            letter.Property(l => l.Error).HasMaxLength(2000);
            // The sidecar may deliver one dead letter twice: it is stored once.
            letter.HasIndex(l => new { l.TenantId, l.Topic, l.EventId }).IsUnique();
            letter.HasIndex(l => new { l.TenantId, l.ReceivedAt });
        });
}

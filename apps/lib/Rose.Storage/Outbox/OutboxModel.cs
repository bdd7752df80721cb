using Microsoft.EntityFrameworkCore;

namespace Rose.Storage.Outbox;

/// <summary>
/// The mapping of <see cref="OutboxMessage"/>, the same in every context, so that any module can stage
/// events in its own transaction. Only <see cref="OutboxDbContext"/>'s migrations create the table;
/// in every module context it is excluded from migrations.
/// </summary>
public static class OutboxModel
{
    public const string Table = "rose_outbox";

    public static void Configure(ModelBuilder modelBuilder, bool ownsTable) =>
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable(Table, table =>
            {
                if (!ownsTable)
                {
                    table.ExcludeFromMigrations();
                }
            });
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).HasColumnName("id").ValueGeneratedOnAdd();
            message.Property(m => m.TenantId).HasColumnName("tenant_id");
            message.Property(m => m.EventId).HasColumnName("event_id").HasMaxLength(64);
            message.Property(m => m.Topic).HasColumnName("topic").HasMaxLength(200);
            message.Property(m => m.PubSubName).HasColumnName("pubsub_name").HasMaxLength(100);
            message.Property(m => m.EventType).HasColumnName("event_type").HasMaxLength(200);
            message.Property(m => m.Payload).HasColumnName("payload");
            message.Property(m => m.CreatedAt).HasColumnName("created_at");
            message.Property(m => m.Attempts).HasColumnName("attempts");
            message.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            message.Property(m => m.ClaimedUntil).HasColumnName("claimed_until");
            message.Property(m => m.ClaimToken).HasColumnName("claim_token").HasMaxLength(64);
            message.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            message.Property(m => m.SentAt).HasColumnName("sent_at");
            message.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(OutboxMessage.TraceParentMaxLength);
            // Not unique: publishing an event again (a caller's retry) is at-least-once like any
            // redelivery, and consumers deduplicate by the event id.
            // What the drainer's claim scans: unsent rows that are due.
            message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        });
}

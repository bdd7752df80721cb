using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Tagging.Data;

public abstract class TaggingDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "tagging";

    public DbSet<TaggedConversation> Conversations => Set<TaggedConversation>();

    public DbSet<StoredTag> Tags => Set<StoredTag>();

    public DbSet<StoredScoreFactor> Factors => Set<StoredScoreFactor>();

    public DbSet<LeadQualification> Qualifications => Set<LeadQualification>();

    public DbSet<TenantScoring> Scoring => Set<TenantScoring>();

    public DbSet<TenantLabelSet> LabelSets => Set<TenantLabelSet>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TaggedConversation>(conversation =>
        {
            conversation.ToTable("tagging_conversations");
            conversation.HasKey(c => new { c.TenantId, c.ConversationId });
            conversation.Property(c => c.ConversationId).HasMaxLength(40);
            conversation.Property(c => c.LabelSetVersion).HasMaxLength(40);
            conversation.Property(c => c.Classifier).HasMaxLength(200);
            conversation.Property(c => c.Intent).HasMaxLength(64);
            conversation.Property(c => c.Stage).HasMaxLength(64);
            conversation.Property(c => c.VisitorKey).HasMaxLength(80);
            conversation.Property(c => c.CompanyName).HasMaxLength(200);
            conversation.Property(c => c.CompanyDomain).HasMaxLength(253);
            conversation.Property(c => c.CompanyMatchedBy).HasMaxLength(32);
            conversation.Property(c => c.CompanyIndustry).HasMaxLength(100);
            conversation.Property(c => c.CompanyCountry).HasMaxLength(2);
            // UTC ticks, so that both providers order and compare it in SQL.
            conversation.Property(c => c.LastActivityAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            conversation.Property(c => c.TaggedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            conversation.HasIndex(c => new { c.TenantId, c.Score });
            conversation.HasIndex(c => new { c.TenantId, c.CompanyDomain });
            conversation.HasIndex(c => new { c.TenantId, c.VisitorKey });
        });
        modelBuilder.Entity<StoredTag>(tag =>
        {
            tag.ToTable("tagging_tags");
            tag.HasKey(t => new { t.TenantId, t.ConversationId, t.Group, t.Label });
            tag.Property(t => t.ConversationId).HasMaxLength(40);
            tag.Property(t => t.Group).HasConversion<string>().HasMaxLength(16);
            tag.Property(t => t.Label).HasMaxLength(100);
            tag.HasIndex(t => new { t.TenantId, t.Label });
        });
        modelBuilder.Entity<StoredScoreFactor>(factor =>
        {
            factor.ToTable("tagging_score_factors");
            factor.HasKey(f => new { f.TenantId, f.ConversationId, f.Position });
            factor.Property(f => f.ConversationId).HasMaxLength(40);
            factor.Property(f => f.Key).HasMaxLength(64);
            factor.Property(f => f.Reason).HasMaxLength(300);
        });
        modelBuilder.Entity<LeadQualification>(qualification =>
        {
            qualification.ToTable("tagging_qualifications");
            qualification.HasKey(q => new { q.TenantId, q.VisitorKey });
            qualification.Property(q => q.VisitorKey).HasMaxLength(80);
            qualification.Property(q => q.ConversationId).HasMaxLength(40);
        });
        modelBuilder.Entity<TenantScoring>(scoring =>
        {
            scoring.ToTable("tagging_scoring");
            scoring.HasKey(s => s.TenantId);
            scoring.PrimitiveCollection(s => s.Industries);
            scoring.PrimitiveCollection(s => s.Countries);
            scoring.Property(s => s.Weights).HasMaxLength(4000);
        });
        modelBuilder.Entity<TenantLabelSet>(labels =>
        {
            labels.ToTable("tagging_label_sets");
            labels.HasKey(l => l.TenantId);
            labels.Property(l => l.Intents).HasMaxLength(16000);
            // Two saves at once: the second fails instead of both writing one revision.
            labels.Property(l => l.Revision).IsConcurrencyToken();
        });
    }
}

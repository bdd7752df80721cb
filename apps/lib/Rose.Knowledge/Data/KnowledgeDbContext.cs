using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Knowledge.Data;

public abstract class KnowledgeDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "knowledge";

    public DbSet<KnowledgeDocument> Documents => Set<KnowledgeDocument>();

    public DbSet<KnowledgeChunk> Chunks => Set<KnowledgeChunk>();

    public DbSet<GraphMention> Mentions => Set<GraphMention>();

    public DbSet<GraphRelation> Relations => Set<GraphRelation>();

    public DbSet<LoadingStage> LoadingStages => Set<LoadingStage>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnowledgeDocument>(document =>
        {
            document.ToTable("knowledge_documents");
            document.HasKey(d => new { d.TenantId, d.Id });
            document.Property(d => d.Id).HasMaxLength(64);
            document.Property(d => d.SourceKey).HasMaxLength(2048).IsRequired();
            document.HasIndex(d => new { d.TenantId, d.SourceKey }).IsUnique();
            document.Property(d => d.Title).HasMaxLength(500).IsRequired();
            document.Property(d => d.SourceUrl).HasMaxLength(2048);
            document.Property(d => d.ContentType).HasMaxLength(200);
            document.Property(d => d.Origin).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            document.HasIndex(d => d.Status);
            document.Property(d => d.Error).HasMaxLength(1000);
            document.Property(d => d.ContentHash).HasMaxLength(64);
        });

        modelBuilder.Entity<KnowledgeChunk>(chunk =>
        {
            chunk.ToTable("knowledge_chunks");
            chunk.HasKey(c => new { c.TenantId, c.Id });
            chunk.Property(c => c.Id).HasMaxLength(64);
            chunk.Property(c => c.DocumentId).HasMaxLength(64).IsRequired();
            chunk.HasIndex(c => new { c.TenantId, c.DocumentId, c.Ordinal });
            chunk.Property(c => c.Text).IsRequired();
            chunk.Property(c => c.HeadingPath).HasMaxLength(2000).IsRequired();
            chunk.Property(c => c.Title).HasMaxLength(500).IsRequired();
            chunk.Property(c => c.SourceUrl).HasMaxLength(2048);
            chunk.Property(c => c.EmbeddingModel).HasMaxLength(200).IsRequired();
            chunk.Property(c => c.Embedding).IsRequired();
        });

        modelBuilder.Entity<GraphMention>(mention =>
        {
            mention.ToTable("knowledge_graph_mentions");
            mention.HasKey(m => new { m.TenantId, m.Id });
            mention.Property(m => m.Id).HasMaxLength(64);
            mention.Property(m => m.DocumentId).HasMaxLength(64).IsRequired();
            mention.Property(m => m.ChunkId).HasMaxLength(64).IsRequired();
            mention.Property(m => m.Entity).HasMaxLength(200).IsRequired();
            mention.Property(m => m.Label).HasMaxLength(200).IsRequired();
            mention.HasIndex(m => new { m.TenantId, m.DocumentId });
            mention.HasIndex(m => new { m.TenantId, m.Entity });
        });

        modelBuilder.Entity<GraphRelation>(relation =>
        {
            relation.ToTable("knowledge_graph_relations");
            relation.HasKey(r => new { r.TenantId, r.Id });
            relation.Property(r => r.Id).HasMaxLength(64);
            relation.Property(r => r.DocumentId).HasMaxLength(64).IsRequired();
            relation.Property(r => r.ChunkId).HasMaxLength(64).IsRequired();
            relation.Property(r => r.Source).HasMaxLength(200).IsRequired();
            relation.Property(r => r.Target).HasMaxLength(200).IsRequired();
            relation.Property(r => r.Keywords).HasMaxLength(500).IsRequired();
            relation.HasIndex(r => new { r.TenantId, r.DocumentId });
        });

        modelBuilder.Entity<LoadingStage>(stage =>
        {
            stage.ToTable("knowledge_loading_stages");
            stage.HasKey(s => new { s.TenantId, s.RunId, s.Stage });
            stage.Property(s => s.RunId).HasMaxLength(200);
            stage.Property(s => s.Stage).HasMaxLength(16);
            stage.Property(s => s.DocumentId).HasMaxLength(64).IsRequired();
            stage.Property(s => s.Payload).IsRequired();
            // Ticks, so that SQLite can compare it (EF's SQLite provider cannot compare DateTimeOffset).
            stage.Property(s => s.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            stage.HasIndex(s => new { s.TenantId, s.DocumentId });
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Chat.Data;

public abstract class ChatDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "chat";

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationMessage> Messages => Set<ConversationMessage>();

    public DbSet<TenantSkill> Skills => Set<TenantSkill>();

    public DbSet<Lead> Leads => Set<Lead>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Conversation>(conversation =>
        {
            conversation.ToTable("chat_conversations");
            conversation.HasKey(c => new { c.TenantId, c.Id });
            conversation.Property(c => c.Id).HasMaxLength(40);
            conversation.Property(c => c.TokenHash).HasMaxLength(64);
            conversation.Property(c => c.Origin).HasMaxLength(300);
            conversation.Property(c => c.Page).HasMaxLength(ConversationStore.MaxPageLength);
            conversation.Property(c => c.VisitorCompany).HasMaxLength(200);
            conversation.Property(c => c.VisitorId).HasMaxLength(VisitorIds.MaxLength);
            conversation.HasIndex(c => new { c.TenantId, c.VisitorId });
            // Stored as UTC ticks so that both SQLite and PostgreSQL can compare it in SQL (the idle check).
            conversation.Property(c => c.LastActivityAt)
                .HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            conversation.HasIndex(c => new { c.TenantId, c.EndedAt, c.LastActivityAt });
            // The backoffice list's keyset order: a page reads its rows off the index and stops, however many conversations there are.
            conversation.HasIndex(c => new { c.TenantId, c.LastActivityAt, c.Id });
        });
        modelBuilder.Entity<ConversationMessage>(message =>
        {
            message.ToTable("chat_messages");
            message.HasKey(m => new { m.TenantId, m.Id });
            message.Property(m => m.Id).HasMaxLength(40);
            message.Property(m => m.ConversationId).HasMaxLength(40);
            message.Property(m => m.Role).HasMaxLength(16);
            message.Property(m => m.SkillId).HasMaxLength(64);
            message.Property(m => m.SkillLabel).HasMaxLength(100);
            message.Property(m => m.SkillType).HasConversion<string>().HasMaxLength(32);
            message.Property(m => m.SkillUrl).HasMaxLength(2000);
            message.Property(m => m.Model).HasMaxLength(200);
            message.HasIndex(m => new { m.TenantId, m.ConversationId, m.Sequence }).IsUnique();
            message.OwnsMany(m => m.Citations, citation => citation.ToJson());
        });
        modelBuilder.Entity<TenantSkill>(skill =>
        {
            skill.ToTable("chat_skills");
            skill.HasKey(s => new { s.TenantId, s.Id });
            skill.Property(s => s.Id).HasMaxLength(64);
            skill.Property(s => s.Type).HasConversion<string>().HasMaxLength(32);
            skill.Property(s => s.Label).HasMaxLength(100);
            skill.Property(s => s.Description).HasMaxLength(1000);
            skill.Property(s => s.Url).HasMaxLength(2000);
            skill.PrimitiveCollection(s => s.Triggers);
        });
        modelBuilder.Entity<Lead>(lead =>
        {
            lead.ToTable("chat_leads");
            lead.HasKey(l => new { l.TenantId, l.Id });
            lead.Property(l => l.Id).HasMaxLength(40);
            lead.Property(l => l.Email).HasMaxLength(320);
            lead.Property(l => l.Name).HasMaxLength(200);
            lead.Property(l => l.Company).HasMaxLength(200);
            lead.Property(l => l.ConversationId).HasMaxLength(40);
        });
    }
}

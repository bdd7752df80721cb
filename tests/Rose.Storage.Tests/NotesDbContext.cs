using Microsoft.EntityFrameworkCore;

namespace Rose.Storage.Tests;

/// <summary>A minimal module context: what every Rose module's context inherits, and nothing else.</summary>
public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options, ICurrentTenant tenant) : TenantScopedDbContext(options, tenant)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Note>(note =>
        {
            note.ToTable("notes");
            note.HasKey(n => new { n.TenantId, n.Id });
            note.Property(n => n.Id).ValueGeneratedNever();
        });
}

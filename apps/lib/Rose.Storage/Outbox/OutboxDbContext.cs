using Microsoft.EntityFrameworkCore;

namespace Rose.Storage.Outbox;

/// <summary>
/// The context that owns <see cref="OutboxModel.Table"/>: its migrations create it (once per database,
/// whatever modules share it) and the drainer claims rows through it. Modules stage rows through their
/// own contexts, which map the same table.
/// </summary>
public abstract class OutboxDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "outbox";

    public DbSet<OutboxMessage> Messages => Set<OutboxMessage>();

    private protected override bool OwnsOutboxTable => true;

    // The table is mapped by TenantScopedDbContext for every context.
    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

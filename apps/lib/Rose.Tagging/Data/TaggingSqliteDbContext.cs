using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Tagging.Data;

/// <summary>The tagging context on Sqlite, with its own migrations.</summary>
public sealed class TaggingSqliteDbContext(DbContextOptions<TaggingSqliteDbContext> options, ICurrentTenant currentTenant)
    : TaggingDbContext(options, currentTenant);

internal sealed class TaggingSqliteDesignTimeFactory()
    : DesignTimeContextFactory<TaggingSqliteDbContext>(StorageProvider.Sqlite, TaggingDbContext.Module);

using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Tagging.Data;

/// <summary>The tagging context on Postgres, with its own migrations.</summary>
public sealed class TaggingPostgresDbContext(DbContextOptions<TaggingPostgresDbContext> options, ICurrentTenant currentTenant)
    : TaggingDbContext(options, currentTenant);

internal sealed class TaggingPostgresDesignTimeFactory()
    : DesignTimeContextFactory<TaggingPostgresDbContext>(StorageProvider.PostgreSql, TaggingDbContext.Module);

using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Platform.Dapr.DeadLetters;

/// <summary>The dead-letter context on PostgreSQL, with its own migrations.</summary>
public sealed class DeadLetterPostgresDbContext(DbContextOptions<DeadLetterPostgresDbContext> options, ICurrentTenant currentTenant)
    : DeadLetterDbContext(options, currentTenant);

internal sealed class DeadLetterPostgresDesignTimeFactory()
    : DesignTimeContextFactory<DeadLetterPostgresDbContext>(StorageProvider.PostgreSql, DeadLetterDbContext.Module);

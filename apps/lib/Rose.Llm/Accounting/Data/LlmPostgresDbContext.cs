using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Llm.Accounting.Data;

/// <summary>The LLM context on PostgreSQL, with its own migrations.</summary>
public sealed class LlmPostgresDbContext(DbContextOptions<LlmPostgresDbContext> options, ICurrentTenant currentTenant)
    : LlmDbContext(options, currentTenant);

internal sealed class LlmPostgresDesignTimeFactory()
    : DesignTimeContextFactory<LlmPostgresDbContext>(StorageProvider.PostgreSql, LlmDbContext.Module);

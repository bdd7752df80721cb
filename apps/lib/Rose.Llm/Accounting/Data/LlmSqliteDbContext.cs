using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Llm.Accounting.Data;

/// <summary>The LLM context on SQLite, with its own migrations.</summary>
public sealed class LlmSqliteDbContext(DbContextOptions<LlmSqliteDbContext> options, ICurrentTenant currentTenant)
    : LlmDbContext(options, currentTenant);

internal sealed class LlmSqliteDesignTimeFactory()
    : DesignTimeContextFactory<LlmSqliteDbContext>(StorageProvider.Sqlite, LlmDbContext.Module);

using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Knowledge.Data;

/// <summary>The knowledge context on SQLite, with its own migrations.</summary>
public sealed class KnowledgeSqliteDbContext(DbContextOptions<KnowledgeSqliteDbContext> options, ICurrentTenant currentTenant)
    : KnowledgeDbContext(options, currentTenant);

using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Knowledge.Data;

/// <summary>The knowledge context on PostgreSQL, with its own migrations.</summary>
public sealed class KnowledgePostgresDbContext(DbContextOptions<KnowledgePostgresDbContext> options, ICurrentTenant currentTenant)
    : KnowledgeDbContext(options, currentTenant);

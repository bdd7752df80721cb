using Rose.Storage;

namespace Rose.Knowledge.Data;

internal sealed class KnowledgeSqliteDesignTimeFactory()
    : DesignTimeContextFactory<KnowledgeSqliteDbContext>(StorageProvider.Sqlite, KnowledgeDbContext.Module);

internal sealed class KnowledgePostgresDesignTimeFactory()
    : DesignTimeContextFactory<KnowledgePostgresDbContext>(StorageProvider.PostgreSql, KnowledgeDbContext.Module);

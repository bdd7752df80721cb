namespace Rose.Storage;

/// <summary>The relational database behind every module.</summary>
public enum StorageProvider
{
    /// <summary>A file under the data folder: the standalone host and tests.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server through Npgsql: production.</summary>
    PostgreSql,
}

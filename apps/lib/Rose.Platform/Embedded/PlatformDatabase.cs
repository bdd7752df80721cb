using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Rose.Storage;

namespace Rose.Platform.Embedded;

/// <summary>
/// <c>platform.db</c> in <c>Rose:DataPath</c>: the embedded runtime's own tables (state, outbox,
/// dead letters, workflow journal). They are runtime plumbing, not tenant domain data, so they are
/// plain SQLite tables rather than EF Core models, but every row still carries its tenant.
/// </summary>
public sealed class PlatformDatabase
{
    public const string FileName = "platform.db";

    private readonly string connectionString;

    public PlatformDatabase(IConfiguration configuration)
    {
        FilePath = Path.Combine(RoseDataPath.Resolve(configuration), FileName);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        CreateSchema();
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await SqliteBusyWait.ApplyAsync(connection, cancellationToken);
        return connection;
    }

    private void CreateSchema()
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = PlatformSchema.Sql;
        command.ExecuteNonQuery();
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rose.Storage;

/// <summary>Gives every SQLite connection EF Core opens SQLite's own busy handler (<see cref="SqliteBusyWait"/>).</summary>
public sealed class SqliteBusyWaitInterceptor : DbConnectionInterceptor
{
    public static SqliteBusyWaitInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        SqliteBusyWait.Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        SqliteBusyWait.ApplyAsync(connection, cancellationToken);
}

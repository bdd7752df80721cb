using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Chat.Data;

/// <summary>The chat context on Sqlite, with its own migrations.</summary>
public sealed class ChatSqliteDbContext(DbContextOptions<ChatSqliteDbContext> options, ICurrentTenant currentTenant)
    : ChatDbContext(options, currentTenant);

internal sealed class ChatSqliteDesignTimeFactory()
    : DesignTimeContextFactory<ChatSqliteDbContext>(StorageProvider.Sqlite, ChatDbContext.Module);

using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Chat.Data;

/// <summary>The chat context on Postgres, with its own migrations.</summary>
public sealed class ChatPostgresDbContext(DbContextOptions<ChatPostgresDbContext> options, ICurrentTenant currentTenant)
    : ChatDbContext(options, currentTenant);

internal sealed class ChatPostgresDesignTimeFactory()
    : DesignTimeContextFactory<ChatPostgresDbContext>(StorageProvider.PostgreSql, ChatDbContext.Module);

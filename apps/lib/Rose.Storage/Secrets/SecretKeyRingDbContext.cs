using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Rose.Storage.Secrets;

/// <summary>
/// The Data Protection key ring that encrypts tenants' secrets (webhook signing secrets, integration
/// API keys). Kept in the shared database, so every app and replica that reads a secret (the
/// backoffice that stores it, the worker that signs with it, search that verifies with it) shares
/// the ring. Not a <see cref="TenantScopedDbContext"/>: the ring spans tenants by nature (the tenant
/// is part of each secret's protection purpose instead, see <see cref="TenantSecretProtector"/>).
/// </summary>
public abstract class SecretKeyRingDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Module = "secret-keys";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>().ToTable("storage_secret_keys");
}

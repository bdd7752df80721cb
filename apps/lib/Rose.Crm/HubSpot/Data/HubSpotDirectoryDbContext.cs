using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Rose.Crm.HubSpot.Data;

/// <summary>
/// What the HubSpot integration keeps across tenants, by nature: which tenant each portal belongs to
/// (a webhook names only its portal) and the Data Protection key ring that encrypts the tenants'
/// tokens. Not a <see cref="Storage.TenantScopedDbContext"/>, like the backoffice's accounts. The ring
/// lives in the shared database, so the backoffice (which stores a token) and the worker (which uses
/// it), and every replica of both, read the same keys; the tenant is part of each token's protection
/// purpose instead, so a ciphertext copied into another tenant's row does not decrypt.
/// </summary>
public abstract class HubSpotDirectoryDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Module = "crm-hubspot-directory";

    public DbSet<HubSpotPortal> Portals => Set<HubSpotPortal>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HubSpotPortal>(portal =>
        {
            portal.ToTable("crm_hubspot_portals");
            portal.HasKey(p => p.PortalId);
            portal.Property(p => p.PortalId).ValueGeneratedNever();
            portal.Property(p => p.TenantId).HasMaxLength(Storage.TenantIds.MaxLength);
            portal.HasIndex(p => p.TenantId).IsUnique();
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("crm_hubspot_token_keys");
    }
}

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// The backoffice's accounts (ASP.NET Core Identity), their tenant memberships and the Data
/// Protection keys that sign their cookies. Not a <see cref="TenantScopedDbContext"/>: one person may
/// belong to several tenants, so a user row has no tenant; every membership row has one, and is
/// only ever read for the signed-in user. Keeping the keys here means every replica that shares
/// the database shares the key ring, so a sign-in survives restarts and works on any replica.
/// </summary>
public abstract class BackofficeAccountsDbContext(DbContextOptions options)
    : IdentityDbContext<BackofficeUser>(options), IDataProtectionKeyContext
{
    public const string Module = "accounts";

    public DbSet<TenantMembership> Memberships => Set<TenantMembership>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<TeamInvitation> Invitations => Set<TeamInvitation>();

    public DbSet<PasswordResetLink> PasswordResetLinks => Set<PasswordResetLink>();

    public DbSet<SentMail> SentMail => Set<SentMail>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<BackofficeUser>().ToTable("accounts_users");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRole>().ToTable("accounts_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("accounts_user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("accounts_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("accounts_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("accounts_role_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("accounts_user_tokens");
        builder.Entity<DataProtectionKey>().ToTable("accounts_data_protection_keys");
        builder.Entity<TenantMembership>(membership =>
        {
            membership.ToTable("accounts_memberships");
            membership.HasKey(m => new { m.TenantId, m.UserId });
            membership.Property(m => m.TenantId).HasMaxLength(TenantIds.MaxLength);
            membership.Property(m => m.Role).HasMaxLength(16);
            membership.HasIndex(m => m.UserId);
            membership.HasOne<BackofficeUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TeamInvitation>(invitation =>
        {
            invitation.ToTable("accounts_invitations");
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.Id).HasMaxLength(32);
            invitation.Property(i => i.TenantId).HasMaxLength(TenantIds.MaxLength);
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.Role).HasMaxLength(16);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.Property(i => i.InvitedBy).HasMaxLength(256);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => new { i.TenantId, i.CreatedAt });
        });
        builder.Entity<PasswordResetLink>(reset =>
        {
            reset.ToTable("accounts_password_resets");
            reset.HasKey(r => r.Id);
            reset.Property(r => r.Id).HasMaxLength(32);
            reset.Property(r => r.TokenHash).HasMaxLength(64);
            reset.HasIndex(r => r.TokenHash).IsUnique();
            reset.HasIndex(r => r.UserId);
            reset.HasOne<BackofficeUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SentMail>(mail =>
        {
            mail.ToTable("accounts_sent_mail");
            mail.HasKey(m => m.Id);
            mail.Property(m => m.Id).HasMaxLength(32);
            mail.Property(m => m.TenantId).HasMaxLength(TenantIds.MaxLength);
            mail.Property(m => m.To).HasMaxLength(256);
            mail.Property(m => m.Subject).HasMaxLength(256);
            // UTC ticks, so both providers can order the mailbox newest first in SQL (SQLite cannot order DateTimeOffset).
            mail.Property(m => m.SentAt).HasConversion(at => at.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
            mail.HasIndex(m => new { m.TenantId, m.SentAt });
        });
    }
}

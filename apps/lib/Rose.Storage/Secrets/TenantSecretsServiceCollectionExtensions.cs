using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Rose.Storage.Secrets;

public static class TenantSecretsServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="TenantSecretProtector"/> over the shared secret key ring (migrated with the other
    /// modules). Safe to call from several modules: registers once.
    /// </summary>
    public static IServiceCollection AddRoseTenantSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseStorage(configuration);
        if (services.Any(d => d.ServiceType == typeof(TenantSecretProtector)))
        {
            return services;
        }

        services.AddRoseAccountsDbContext<SecretKeyRingDbContext, SecretKeyRingSqliteDbContext, SecretKeyRingPostgresDbContext>(SecretKeyRingDbContext.Module);
        services.AddSingleton(sp =>
        {
            // A private Data Protection stack: the host's own (cookies, antiforgery) stays as the host configured it.
            var ring = new ServiceCollection();
            ring.AddSingleton(sp.GetRequiredService<ILoggerFactory>());
            ring.AddDataProtection().SetApplicationName("rose-tenant-secrets");
            ring.Configure<KeyManagementOptions>(o => o.XmlRepository = new SecretKeyRingRepository(sp));
            var provider = ring.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
            return new TenantSecretProtector(provider);
        });
        return services;
    }
}

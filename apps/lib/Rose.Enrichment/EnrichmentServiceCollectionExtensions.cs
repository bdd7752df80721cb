using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Enrichment.Providers;
using Rose.Enrichment.Providers.IpInfo;

namespace Rose.Enrichment;

public static class EnrichmentServiceCollectionExtensions
{
    /// <summary>
    /// What enrichment knows of visitors (<see cref="IVisitorCompanies"/>), read by the chat, and the
    /// identification cascade that fills it in the background. The cascade's tiers are the providers
    /// configured, in this order: IPinfo (<c>Rose:Enrichment:IpInfo:Token</c>). None configured (the
    /// default): no address is ever sent anywhere. Needs the platform's state store (<c>AddRosePlatform</c>).
    /// </summary>
    public static IServiceCollection AddRoseEnrichment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IpInfoOptions>().Bind(configuration.GetSection(IpInfoOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetSection(IpInfoOptions.SectionName).Get<IpInfoOptions>() is { IsConfigured: true })
        {
            services.AddHttpClient<IpInfoCompanyProvider>();
            services.AddSingleton<IIpCompanyProvider>(sp => sp.GetRequiredService<IpInfoCompanyProvider>());
        }

        services.TryAddSingleton<IdentificationCascade>();
        services.TryAddSingleton<PendingIdentifications>();
        services.TryAddSingleton<KnownVisitorCompanies>();
        services.TryAddSingleton<IVisitorCompanies>(sp => sp.GetRequiredService<KnownVisitorCompanies>());
        services.AddHostedService<IdentificationWorker>();
        return services;
    }
}

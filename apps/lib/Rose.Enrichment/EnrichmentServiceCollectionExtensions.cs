using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rose.Enrichment.Asn;
using Rose.Enrichment.Budget;
using Rose.Enrichment.Privacy;
using Rose.Enrichment.Providers;
using Rose.Enrichment.Providers.IpInfo;
using Rose.Enrichment.Settings;
using Rose.Platform;
using Rose.Platform.Limits;
using Rose.Storage;

namespace Rose.Enrichment;

public static class EnrichmentServiceCollectionExtensions
{
    /// <summary>
    /// What enrichment knows of visitors (<see cref="IVisitorCompanies"/>), read by the chat, and the
    /// identification cascade that fills it in the background. The cascade's tiers are the providers
    /// configured, in this order: IPinfo (<c>Rose:Enrichment:IpInfo:Token</c>), then always the offline
    /// ASN table (<see cref="AsnCompanyProvider"/>). None configured (the default): only the offline
    /// table is asked and no address is ever sent anywhere. Per tenant (<see cref="EnrichmentSettingsStore"/>):
    /// consent required or not, retention, which providers, their cost and monthly budget
    /// (<see cref="ProviderBudget"/>, counted in <c>Rose:Limits:Redis</c> when set). Addresses are cached
    /// under a keyed hash (<see cref="VisitorAddressKeys"/>, <c>Rose:Enrichment:AddressKey</c>). Needs the
    /// platform's state store (<c>AddRosePlatform</c>).
    /// </summary>
    public static IServiceCollection AddRoseEnrichment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IpInfoOptions>().Bind(configuration.GetSection(IpInfoOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetSection(IpInfoOptions.SectionName).Get<IpInfoOptions>() is { IsConfigured: true })
        {
            services.AddHttpClient<IpInfoCompanyProvider>();
            services.AddSingleton<IIpCompanyProvider>(sp => sp.GetRequiredService<IpInfoCompanyProvider>());
        }

        // The offline tier, last: on a fresh machine it is the only one (no address leaves the process).
        services.AddSingleton<IIpCompanyProvider>(_ => new AsnCompanyProvider());
        services.TryAddSingleton<IdentificationCascade>();
        services.TryAddSingleton<PendingIdentifications>();
        services.TryAddSingleton<KnownVisitorCompanies>();
        services.TryAddSingleton<IVisitorCompanies>(sp => sp.GetRequiredService<KnownVisitorCompanies>());
        services.AddHostedService<IdentificationWorker>();

        services.AddRoseEnrichmentSettings();
        services.AddRoseClusterLimits(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProviderBudget>();
        var onDapr = string.Equals(configuration[PlatformOptions.RuntimeKey], nameof(PlatformRuntime.Dapr), StringComparison.OrdinalIgnoreCase);
        // A provider that sends addresses out is configured (the offline table keeps them in the process).
        var identifiesAddresses = configuration.GetSection(IpInfoOptions.SectionName).Get<IpInfoOptions>() is { IsConfigured: true };
        services.AddOptions<EnrichmentOptions>().Bind(configuration.GetSection(EnrichmentOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<EnrichmentOptions>>(sp =>
            new EnrichmentOptionsValidator(onDapr && identifiesAddresses && !sp.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        services.TryAddSingleton(sp => new VisitorAddressKeys(sp.GetRequiredService<IOptions<EnrichmentOptions>>(), () => RoseDataPath.Resolve(configuration)));
        return services;
    }

    /// <summary>
    /// The tenants' identification settings alone (<see cref="EnrichmentSettingsStore"/>), for an app that
    /// serves or reads them without identifying anyone (the backoffice's API, the worker's retention job).
    /// </summary>
    public static IServiceCollection AddRoseEnrichmentSettings(this IServiceCollection services)
    {
        services.TryAddSingleton<EnrichmentSettingsStore>();
        return services;
    }
}

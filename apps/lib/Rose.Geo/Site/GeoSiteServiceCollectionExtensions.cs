#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers: the one way to opt a client out of the hosts' standard resilience handler (as Rose.Llm does).
using System.Net;
using DnsClient;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rose.Geo.Site.Data;
using Rose.Geo.Site.Hostnames;
using Rose.Geo.Site.IndexNow;
using Rose.Geo.Site.Publishing;
using Rose.Geo.Site.Rendering;
using Rose.Geo.Site.Serving;
using Rose.Platform;
using Rose.Storage;
using Rose.Tenancy;
using Rose.Platform.Erasure;

namespace Rose.Geo.Site;

public static class GeoSiteServiceCollectionExtensions
{
    /// <summary>
    /// Publishing and serving GEO sites: <see cref="IGeoSitePublisher"/> (render, write through the blob store,
    /// switch the manifest, ping IndexNow) and what <see cref="MapRoseGeoSite"/> serves. For the apps in the
    /// blob binding's scope that publish (worker, standalone) or serve (search, standalone). Needs Rose.Platform first.
    /// </summary>
    public static IServiceCollection AddRoseGeoSite(this IServiceCollection services, IConfiguration configuration)
    {
        AddCommon(services, configuration, "Rose.Geo (site)");
        services.TryAddSingleton<GeoSiteRenderer>();
        services.TryAddSingleton<GeoSiteBlobs>();
        services.TryAddSingleton<GeoSiteReader>();
        services.TryAddScoped<GeoSiteAddresses>();
        services.TryAddScoped<IndexNowKeys>();
        services.TryAddScoped<IGeoSitePublisher, GeoSitePublisher>();
        if (!services.Any(d => d.ServiceType == typeof(IndexNowClient)))
        {
            // One ping per publish: IndexNow's 429 means "back off", so no automatic retries here.
            services.AddHttpClient<IndexNowClient>((provider, http) =>
                    http.Timeout = provider.GetRequiredService<IOptions<GeoSiteOptions>>().Value.IndexNow.Timeout)
                .RemoveAllResilienceHandlers();
        }

        return services;
    }

    /// <summary>
    /// Custom hostnames for Rose staff (admin, standalone): verification by DNS TXT or HTTP file, the
    /// staff endpoints <see cref="MapRoseGeoHostnames"/> maps, and the hourly recheck job.
    /// </summary>
    public static IServiceCollection AddRoseGeoHostnames(this IServiceCollection services, IConfiguration configuration)
    {
        AddCommon(services, configuration, "Rose.Geo (hostnames)");
        services.TryAddSingleton<ILookupClient>(provider =>
        {
            var hostnames = provider.GetRequiredService<IOptions<GeoSiteOptions>>().Value.Hostnames;
            var servers = hostnames.DnsServers.Select(s => IPEndPoint.Parse(s)).Select(e => new IPEndPoint(e.Address, e.Port == 0 ? 53 : e.Port)).ToArray();
            var lookup = servers.Length > 0 ? new LookupClientOptions(servers) : new LookupClientOptions();
            // Always ask: a cached answer would hide the record the owner just added or removed.
            lookup.UseCache = false;
            lookup.Timeout = hostnames.CheckTimeout;
            lookup.Retries = 1;
            lookup.ThrowDnsErrors = false;
            return new LookupClient(lookup);
        });
        services.TryAddScoped<HostnameVerifier>();
        services.TryAddScoped<HostnameAdministration>();
        services.AddHttpClient(HostnameVerifier.HttpClientName, (provider, http) =>
                http.Timeout = provider.GetRequiredService<IOptions<GeoSiteOptions>>().Value.Hostnames.CheckTimeout)
            .RemoveAllResilienceHandlers();
        services.AddRoseCronJob<HostnameRecheckJob>(GeoSiteJobs.HostnameRecheck);
        return services;
    }

    /// <summary>The published sites: <c>/geo/{tenant}/…</c> and <c>/geo-host/…</c> (custom hostnames, from the gateway).</summary>
    public static IEndpointRouteBuilder MapRoseGeoSite(this IEndpointRouteBuilder routes) => routes.MapGeoSites();

    /// <summary>Staff endpoints <c>/admin/v1/tenants/{tenantId}/hostnames</c>.</summary>
    public static IEndpointRouteBuilder MapRoseGeoHostnames(this IEndpointRouteBuilder routes) => routes.MapGeoHostnameAdmin();

    private static void AddCommon(IServiceCollection services, IConfiguration configuration, string module)
    {
        services.RequireRosePlatform(module);
        if (services.Any(d => d.ServiceType == typeof(GeoSiteCommonMarker)))
        {
            return;
        }

        services.AddSingleton<GeoSiteCommonMarker>();
        services.AddOptions<GeoSiteOptions>()
            .Bind(configuration.GetSection(GeoSiteOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(TenantDirectory)))
        {
            services.AddRoseTenancy(configuration);
        }

        services.AddRoseDbContext<GeoSiteDbContext, GeoSiteSqliteDbContext, GeoSitePostgresDbContext>(GeoSiteDbContext.Module);
        services.AddTenantDataEraser<GeoSiteTenantErasure>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<HostnameDirectory>();
    }

    /// <summary>Registered once by whichever of the two calls comes first.</summary>
    private sealed class GeoSiteCommonMarker;
}

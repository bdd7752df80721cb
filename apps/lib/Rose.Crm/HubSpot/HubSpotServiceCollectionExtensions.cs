using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Rose.Chat.Events;
using Rose.Crm.HubSpot;
using Rose.Crm.HubSpot.Client;
using Rose.Crm.HubSpot.Connections;
using Rose.Crm.HubSpot.Data;
using Rose.Crm.HubSpot.EventHandling;
using Rose.Crm.HubSpot.Jobs;
using Rose.Crm.HubSpot.Sync;
using Rose.Crm.HubSpot.Webhooks;
using Rose.Platform;
using Rose.Storage;
using Rose.Tagging;
using Rose.Tagging.Events;
using Rose.Platform.Erasure;

namespace Rose.Crm;

public static class HubSpotServiceCollectionExtensions
{
    /// <summary>
    /// The HubSpot integration as the backoffice hosts it: the per-tenant connection (API, OAuth
    /// callback, webhooks: see <c>MapHubSpotApi</c>), the HTTP client with its retries and 10-second
    /// windows, the token key ring, the GDPR delete on erasure. Needs Rose.Platform and Rose.Tagging's
    /// records added before it.
    /// </summary>
    public static IServiceCollection AddRoseHubSpot(this IServiceCollection services, IConfiguration configuration)
    {
        services.RequireRosePlatform("Rose.Crm's HubSpot integration");
        if (!services.Any(d => d.ServiceType == typeof(LeadReports)))
        {
            throw new InvalidOperationException("Rose.Crm's HubSpot integration reads leads through Rose.Tagging: call AddRoseTaggingRecords(configuration) or AddRoseTagging(configuration) before AddRoseHubSpot.");
        }

        if (services.Any(d => d.ServiceType == typeof(HubSpotContactSync)))
        {
            return services;
        }

        services.AddOptions<HubSpotOptions>().Bind(configuration.GetSection(HubSpotOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HubSpotOptions>, HubSpotOptionsValidator>();
        services.AddRoseStorage(configuration);
        services.AddRoseDbContext<HubSpotDbContext, HubSpotSqliteDbContext, HubSpotPostgresDbContext>(HubSpotDbContext.Module);
        services.AddRoseAccountsDbContext<HubSpotDirectoryDbContext, HubSpotDirectorySqliteDbContext, HubSpotDirectoryPostgresDbContext>(HubSpotDirectoryDbContext.Module);
        services.AddTenantDataEraser<HubSpotTenantErasure>();
        services.AddSingleton(sp =>
        {
            // A Data Protection stack of its own: the host's (cookies, antiforgery) stays as the host set it,
            // and this ring is the same in every app that holds tokens, whatever each host does with its own.
            var ring = new ServiceCollection();
            ring.AddSingleton(sp.GetRequiredService<ILoggerFactory>());
            ring.AddDataProtection().SetApplicationName("rose-hubspot");
            ring.Configure<KeyManagementOptions>(o => o.XmlRepository = new HubSpotKeyRingRepository(sp));
            return new HubSpotTokenProtector(ring.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>());
        });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HubSpotRateWindows>();
        services.TryAddTransient<HubSpotRateLimitHandler>();
        var http = services.AddHttpClient<HubSpotClient>((sp, client) =>
        {
            var options = sp.GetRequiredService<IOptions<HubSpotOptions>>().Value;
            client.BaseAddress = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
            // The resilience handler's timeouts bound each attempt and the whole; this one is only a backstop.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
#pragma warning disable EXTEXP0001 // HubSpot calls get their own policy, not the host's standard one on top of it.
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        http.AddResilienceHandler("hubspot", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<HubSpotOptions>>().Value;
            pipeline.AddTimeout(options.Timeout * (options.MaxRetries + 1) + TimeSpan.FromMinutes(1));
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    // 429 (its Retry-After honoured), 408, 5xx and transport failures; any other 4xx is final.
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                    ShouldRetryAfterHeader = true,
                });
            }

            pipeline.AddTimeout(options.Timeout);
        });
        http.AddHttpMessageHandler<HubSpotRateLimitHandler>();

        services.TryAddScoped<HubSpotConnections>();
        services.TryAddScoped<HubSpotLeadReader>();
        services.TryAddScoped<HubSpotContactSync>();
        services.TryAddScoped<HubSpotRecords>();
        services.TryAddScoped<HubSpotInbound>();
        services.TryAddScoped<HubSpotWebhookProcessor>();
        services.AddScoped<IVisitorErasureObserver, HubSpotErasureObserver>();
        return services;
    }

    /// <summary>
    /// What the worker runs besides <see cref="AddRoseHubSpot"/>: the pushes on <c>lead.captured</c> and
    /// <c>lead.qualified</c>, and the incremental sync job. The full sync's workflow is registered with
    /// the app's other workflows (Rose.Workflows' <c>AddHubSpotFullSync</c>).
    /// </summary>
    public static IServiceCollection AddRoseHubSpotSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseHubSpot(configuration);
        services.AddRoseEventHandler<LeadCaptured, LeadCapturedHubSpotPush>();
        services.AddRoseEventHandler<LeadQualified, LeadQualifiedHubSpotPush>();
        services.AddRoseCronJob<HubSpotIncrementalSyncJob>(HubSpotJobs.IncrementalSync);
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Chat;
using Rose.Chat.Data;
using Rose.Geo.Data;
using Rose.Geo.Drafting;
using Rose.Geo.EventHandling;
using Rose.Geo.Jobs;
using Rose.Geo.Runs;
using Rose.Geo.Settings;
using Rose.Knowledge.Events;
using Rose.Knowledge.Retrieval;
using Rose.Llm.Routing;
using Rose.Platform;
using Rose.Storage;
using Rose.Tenancy;
using Rose.Platform.Erasure;

namespace Rose.Geo;

public static class GeoServiceCollectionExtensions
{
    /// <summary>
    /// GEO as the app that hosts its workflow runs it (worker, standalone): the workflow's steps
    /// (collect, cluster, draft, review, publish), the weekly job (<see cref="GeoJobs.WeeklyRun"/>)
    /// and the redraft on <c>knowledge.updated</c>. Includes <see cref="AddRoseGeoRecords"/>.
    /// Needs Rose.Platform, Rose.Llm and Rose.Knowledge added before it; the site publisher
    /// (<see cref="Site.IGeoSitePublisher"/>) is registered by the publishing side.
    /// </summary>
    public static IServiceCollection AddRoseGeo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseGeoRecords(configuration);
        if (!services.Any(d => d.ServiceType == typeof(ILlmRouter)) || !services.Any(d => d.ServiceType == typeof(IKnowledgeRetriever)))
        {
            throw new InvalidOperationException("Rose.Geo drafts with Rose.Llm and Rose.Knowledge: call AddRoseLlm and AddRoseKnowledge before AddRoseGeo.");
        }

        if (!services.Any(d => d.ImplementationInstance is ModuleDatabase { Module: ChatDbContext.Module }))
        {
            services.AddRoseChatRecords();
        }

        services.TryAddSingleton<GeoAnswerDrafter>();
        services.TryAddSingleton<GeoRunSteps>();
        services.AddRoseEventHandler<KnowledgeUpdated, KnowledgeUpdatedRedraft>();
        services.AddRoseCronJob<GeoWeeklyRunJob>(GeoJobs.WeeklyRun);
        return services;
    }

    /// <summary>
    /// What the GEO APIs need (backoffice, admin): the GEO tables and <see cref="GeoRuns"/>. Starting a
    /// run needs an <see cref="IGeoRunScheduler"/> (Rose.Workflows' <c>AddRoseGeoWorkflows</c>).
    /// </summary>
    public static IServiceCollection AddRoseGeoRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.RequireRosePlatform("Rose.Geo");
        services.AddOptions<GeoOptions>()
            .Bind(configuration.GetSection(GeoOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(TenantDirectory)))
        {
            services.AddRoseTenancy(configuration);
        }

        if (!services.Any(d => d.ImplementationInstance is ModuleDatabase { Module: GeoDbContext.Module }))
        {
            services.AddRoseDbContext<GeoDbContext, GeoSqliteDbContext, GeoPostgresDbContext>(GeoDbContext.Module);
            services.AddTenantDataEraser<GeoTenantErasure>();
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<GeoRuns>();
        services.TryAddScoped<GeoTenantSettingsStore>();
        return services;
    }
}

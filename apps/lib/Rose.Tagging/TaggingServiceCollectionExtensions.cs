using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Chat;
using Rose.Chat.Data;
using Rose.Chat.Events;
using Rose.Llm.Routing;
using Rose.Platform;
using Rose.Storage;
using Rose.Tagging.Classification;
using Rose.Tagging.Data;
using Rose.Tagging.EventHandling;
using Rose.Tagging.Jobs;
using Rose.Tagging.Retention;
using Rose.Enrichment;
using Rose.Tagging.Scoring;
using Rose.Tenancy;
using Rose.Platform.Erasure;

namespace Rose.Tagging;

public static class TaggingServiceCollectionExtensions
{
    /// <summary>
    /// Conversation tagging and lead scoring, as the worker runs it: tags every conversation on
    /// <c>conversation.ended</c> and retags by cron (<see cref="TaggingJobs.Retag"/>), and purges visitor data past a tenant's retention period (<see cref="TaggingJobs.VisitorDataRetention"/>). Includes
    /// <see cref="AddRoseTaggingRecords"/>. Needs Rose.Platform and Rose.Llm added before it.
    /// </summary>
    public static IServiceCollection AddRoseTagging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseTaggingRecords(configuration);
        services.AddRoseEventHandler<ConversationEnded, ConversationEndedTagging>();
        services.AddRoseCronJob<ConversationRetagJob>(TaggingJobs.Retag);
        services.AddRoseEnrichmentSettings();
        services.TryAddScoped<VisitorDataRetention>();
        services.AddRoseCronJob<VisitorDataRetentionJob>(TaggingJobs.VisitorDataRetention);
        return services;
    }

    /// <summary>
    /// What the management API needs (the backoffice): stored tags and scores, the scoring settings,
    /// and the tagger for a retag on demand. Reads conversations through Rose.Chat's records.
    /// </summary>
    public static IServiceCollection AddRoseTaggingRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.RequireRosePlatform("Rose.Tagging");
        if (!services.Any(d => d.ServiceType == typeof(ILlmRouter)))
        {
            throw new InvalidOperationException("Rose.Tagging needs Rose.Llm: call AddRoseLlm(configuration) before adding Rose.Tagging.");
        }

        services.AddOptions<TaggingOptions>()
            .Bind(configuration.GetSection(TaggingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Both register DbContexts (and their health checks) that must exist once: add them only when the host has not.
        if (!services.Any(d => d.ServiceType == typeof(TenantDirectory)))
        {
            services.AddRoseTenancy(configuration);
        }

        if (!services.Any(d => d.ImplementationInstance is ModuleDatabase { Module: ChatDbContext.Module }))
        {
            services.AddRoseChatRecords();
        }

        services.AddRoseDbContext<TaggingDbContext, TaggingSqliteDbContext, TaggingPostgresDbContext>(TaggingDbContext.Module);
        services.AddTenantDataEraser<TaggingTenantErasure>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OfflineConversationClassifier>();
        services.TryAddSingleton<IConversationClassifier, LlmConversationClassifier>();
        services.TryAddScoped<ScoringSettingsStore>();
        services.TryAddScoped<Labels.LabelSetStore>();
        services.TryAddScoped<ConversationTagger>();
        services.TryAddScoped<LeadReports>();
        services.TryAddScoped<RankedLeads>();
        services.TryAddScoped<VisitorErasure>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Chat.Api;
using Rose.Chat.Data;
using Rose.Chat.Jobs;
using Rose.Chat.Memory;
using Rose.Chat.Pipeline;
using Rose.Chat.Rewriting;
using Rose.Chat.Skills;
using Rose.Chat.Suggestions;
using Rose.Chat.Turns;
using Rose.Enrichment;
using Rose.Platform;
using Rose.Platform.Bindings;
using Rose.Storage;

namespace Rose.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// The website agent: conversations, memory, the per-turn pipeline, guardrails, skills,
    /// suggestions and the widget API's limits. Ends idle conversations every minute (a cron job). Needs Rose.Tenancy, Rose.Platform, Rose.Llm and
    /// Rose.Knowledge registered by the app.
    /// </summary>
    public static IServiceCollection AddRoseChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>()
            .Bind(configuration.GetSection(ChatOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRoseChatRecords();
        services.TryAddSingleton(TimeProvider.System);
        services.AddRoseEnrichment();
        services.TryAddSingleton<ConversationMemoryStore>();
        services.TryAddSingleton<IConversationTurnGate>(sp => ConversationTurnGates.For(sp, configuration));
        services.TryAddSingleton<QueryRewriter>();
        services.TryAddSingleton<SkillSelector>();
        services.TryAddSingleton<SuggestionBuilder>();
        services.TryAddSingleton<TenantStreamSlots>();
        services.TryAddScoped<ConversationStore>();
        services.TryAddScoped<ConversationRecorder>();
        services.TryAddScoped<ConversationPipeline>();
        services.AddHostedService<EmbedderWarmUp>();
        services.AddChatRateLimits();
        services.AddRoseCronJob<ConversationIdleCheckJob>(CronJobs.ConversationIdleCheck);
        return services;
    }

    /// <summary>
    /// What the management API needs of the chat (the backoffice): the stored conversations and the
    /// tenant's skills, without the answering pipeline or its jobs.
    /// </summary>
    public static IServiceCollection AddRoseChatRecords(this IServiceCollection services)
    {
        services.AddRoseDbContext<ChatDbContext, ChatSqliteDbContext, ChatPostgresDbContext>(ChatDbContext.Module);
        services.TryAddScoped<SkillCatalog>();
        return services;
    }
}

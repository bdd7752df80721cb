using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Chat.Api;
using Rose.Chat.Data;
using Rose.Chat.Jobs;
using Rose.Chat.Memory;
using Rose.Chat.Pipeline;
using Rose.Chat.Reports;
using Rose.Chat.Rewriting;
using Rose.Chat.Skills;
using Rose.Chat.Suggestions;
using Rose.Chat.Turns;
using Rose.Enrichment;
using Rose.Knowledge;
using Rose.Llm.Routing;
using Rose.Platform;
using Rose.Platform.Bindings;
using Rose.Storage;
using Rose.Platform.Erasure;

namespace Rose.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// The website agent: conversations, memory, the per-turn pipeline, guardrails, skills,
    /// suggestions and the widget API's limits. Ends idle conversations every minute (a cron job). Answers
    /// from the knowledge base's read side (<c>AddRoseKnowledgeIndex</c>, added here). Needs Rose.Platform
    /// and Rose.Llm added before it, and Rose.Tenancy; a host that forgets one fails at start, naming it.
    /// </summary>
    public static IServiceCollection AddRoseChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.RequireRosePlatform("Rose.Chat");
        if (!services.Any(d => d.ServiceType == typeof(ILlmRouter)))
        {
            throw new InvalidOperationException("Rose.Chat needs Rose.Llm: call AddRoseLlm(configuration) before adding Rose.Chat.");
        }

        services.AddRoseKnowledgeIndex(configuration);
        services.AddOptions<ChatOptions>()
            .Bind(configuration.GetSection(ChatOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRoseChatRecords();
        services.TryAddSingleton(TimeProvider.System);
        services.AddRoseEnrichment(configuration);
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
        services.AddChatRateLimits(configuration);
        services.AddRoseCronJob<ConversationIdleCheckJob>(ChatJobs.ConversationIdleCheck);
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
        services.TryAddScoped<ConversationReports>();
        services.AddTenantDataEraser<ChatTenantErasure>();
        return services;
    }
}

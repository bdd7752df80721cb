using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rose.Llm.Accounting;
using Rose.Llm.Accounting.Data;
using Rose.Llm.Answering;
using Rose.Llm.Composer;
using Rose.Llm.Configuration;
using Rose.Llm.Embeddings;
using Rose.Llm.Prompts;
using Rose.Llm.Providers;
using Rose.Llm.Resilience;
using Rose.Llm.Routing;
using Rose.Platform.Limits;
using Rose.Storage;
using Rose.Platform.Erasure;

namespace Rose.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Providers and purpose chains from <c>Rose:Llm</c> (validated on start), the router, the
    /// grounded answer generator with its offline composer, usage accounting on Rose.Storage, the
    /// prompt library and the offline embedder of <c>Rose:Knowledge:Embedder</c> (unless another <see cref="ITextEmbedder"/> is registered first).
    /// </summary>
    public static IServiceCollection AddRoseLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseStorage(configuration);
        services.AddRoseDbContext<LlmDbContext, LlmSqliteDbContext, LlmPostgresDbContext>(LlmDbContext.Module);
        services.AddTenantDataEraser<LlmTenantErasure>();
        services.AddOptions<LlmOptions>()
            .Bind(configuration.GetSection(LlmOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());

        // The router owns timeouts and retries; an HttpClient timeout would cut long streams.
        // Service defaults add the standard resilience handler to every client; here it would retry
        // under the router's own retries and cut streams at its 30 s total timeout, so it is removed.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(LlmProviderRegistry.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        services.TryAddSingleton(TimeProvider.System);
        if (configuration[$"{LlmOptions.SectionName}:EmbeddingProvider"] is { Length: > 0 } embeddingProvider)
        {
            services.TryAddSingleton<ITextEmbedder>(sp => new OpenAiCompatibleTextEmbedder(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(LlmProviderRegistry.HttpClientName),
                sp.GetRequiredService<IOptions<LlmOptions>>().Value.Providers[embeddingProvider]));
        }

        services.TryAddOfflineEmbedder(configuration);
        services.TryAddSingleton<LlmProviderRegistry>();
        services.TryAddSingleton<CircuitBreakerRegistry>();
        services.TryAddSingleton<PromptComplexityClassifier>();
        services.TryAddSingleton<PromptLibrary>();
        services.TryAddSingleton<ILlmUsageLedger, LlmUsageLedger>();
        services.AddRoseClusterLimits(configuration);
        services.TryAddSingleton<TokenBudget>();
        services.TryAddSingleton<ILlmRouter, LlmRouter>();
        services.TryAddSingleton<OfflineAnswerComposer>();
        services.TryAddSingleton<IAnswerGenerator, GroundedAnswerGenerator>();
        return services;
    }
}

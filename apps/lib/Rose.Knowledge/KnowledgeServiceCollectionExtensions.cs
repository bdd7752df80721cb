using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Chunking;
using Rose.Knowledge.Data;
using Rose.Knowledge.Events;
using Rose.Knowledge.Faqs;
using Rose.Knowledge.Graph;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Jobs;
using Rose.Knowledge.Parsing;
using Rose.Knowledge.Retrieval;
using Rose.Knowledge.Sources;
using Rose.Knowledge.VectorStores;
using Rose.Llm.Configuration;
using Rose.Llm.Embeddings;
using Rose.Llm.Routing;
using Rose.Platform;
using Rose.Storage;
using Rose.Platform.Erasure;

namespace Rose.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge base: <see cref="AddRoseKnowledgeIndex"/> plus parsing, chunking, sources and
    /// intake (<see cref="DocumentIntake"/>) and the loading steps. Documents load through
    /// <c>DocumentLoadingWorkflow</c>: the host also calls Rose.Workflows' <c>AddRoseKnowledgeWorkflows</c>,
    /// which registers the <see cref="IDocumentLoadingScheduler"/> (a host that forgets fails at start).
    /// </summary>
    public static IServiceCollection AddRoseKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseKnowledgeIndex(configuration);
        services.AddOptions<ChunkingOptions>().Bind(configuration.GetSection(ChunkingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ITokenCounter>(_ => WordPieceTokenCounter.MiniLm);
        services.TryAddSingleton<StructureAwareChunker>();
        services.TryAddSingleton(_ => DocumentParser.CreateDefault());
        services.AddOptions<GraphExtractionOptions>().Bind(configuration.GetSection(GraphExtractionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OfflineGraphExtractor>();
        // The LLM builds the graph when one serves graph-extraction (AddRoseLlm registers the router, before or after this call).
        services.TryAddSingleton<IGraphExtractor>(sp =>
            sp.GetService<ILlmRouter>() is { } router && router.IsConfigured(LlmPurposes.GraphExtraction)
                && sp.GetRequiredService<IOptions<GraphExtractionOptions>>().Value.UseLlm
                ? ActivatorUtilities.CreateInstance<LlmGraphExtractor>(sp)
                : sp.GetRequiredService<OfflineGraphExtractor>());

        services.AddHttpClient(WebPageFetcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.AllowPrivateNetworks;
                return new SocketsHttpHandler
                {
                    // Redirects are followed by WebPageFetcher itself, which refuses other hosts.
                    AllowAutoRedirect = false,
                    AutomaticDecompression = System.Net.DecompressionMethods.All,
                    ConnectCallback = (context, ct) => PublicAddressConnector.ConnectAsync(context, allowPrivate, ct),
                };
            });
        services.TryAddSingleton(sp => new WebPageFetcher(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebPageFetcher.HttpClientName),
            sp.GetRequiredService<IOptions<KnowledgeOptions>>()));
        services.TryAddSingleton<SitemapReader>();
        services.AddOptions<GoogleDriveOptions>().Bind(configuration.GetSection(GoogleDriveOptions.SectionName));
        services.AddHttpClient<GoogleDriveClient>();

        services.TryAddSingleton<DocumentLoadingSteps>();
        // Re-embeds documents of another embedding model, through the host's document-loading scheduler.
        services.TryAddSingleton<DocumentReloadScan>();
        services.AddHostedService(sp => sp.GetRequiredService<DocumentReloadScan>());
        services.TryAddScoped<DocumentIntake>();
        services.TryAddScoped<DocumentReindexing>();
        services.TryAddScoped<FaqEntries>();
        return services;
    }

    /// <summary>
    /// The knowledge module's scheduled jobs, in the app that runs them (the worker, the standalone
    /// host): the hourly FAQ update (<see cref="KnowledgeJobs.FaqUpdate"/>). Needs <see cref="AddRoseKnowledge"/> and a document-loading scheduler.
    /// </summary>
    public static IServiceCollection AddRoseKnowledgeJobs(this IServiceCollection services)
    {
        services.AddRoseCronJob<FaqUpdateJob>(KnowledgeJobs.FaqUpdate);
        return services;
    }

    /// <summary>
    /// The read side of the knowledge base, for apps that answer from it without loading documents
    /// (search): storage, the embedder, the vector store, the per-tenant index and hybrid retrieval
    /// (<see cref="IKnowledgeRetriever"/>), refreshed on every <c>knowledge.updated</c>. Registers the
    /// offline embedder of <c>Rose:Knowledge:Embedder</c> unless Rose.Llm is configured with an embedding provider. Needs
    /// Rose.Platform (<c>AddRosePlatform</c>, called first) for the subscription.
    /// </summary>
    public static IServiceCollection AddRoseKnowledgeIndex(this IServiceCollection services, IConfiguration configuration)
    {
        services.RequireRosePlatform("Rose.Knowledge");
        if (services.Any(d => d.ServiceType == typeof(KnowledgeIndexMarker)))
        {
            return services;
        }

        services.AddSingleton<KnowledgeIndexMarker>();
        services.AddRoseStorage(configuration);
        services.AddRoseDbContext<KnowledgeDbContext, KnowledgeSqliteDbContext, KnowledgePostgresDbContext>(KnowledgeDbContext.Module);
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RerankOptions>().Bind(configuration.GetSection(RerankOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        // The offline encoder, unless Rose.Llm is configured with an embedding provider: then
        // AddRoseLlm registers that one, whether it is called before or after this method.
        if (configuration["Rose:Llm:EmbeddingProvider"] is not { Length: > 0 })
        {
            services.TryAddOfflineEmbedder(configuration);
        }

        services.AddRoseVectorStore(configuration);
        services.TryAddSingleton<KnowledgeIndexLoader>();
        services.TryAddSingleton<KnowledgeIndexCache>();
        services.TryAddSingleton<MmrReranker>();
        services.AddHttpClient<CohereReranker>();
        services.TryAddSingleton<IPassageReranker>(sp => sp.GetRequiredService<IOptions<RerankOptions>>().Value.IsConfigured
            ? sp.GetRequiredService<CohereReranker>()
            : sp.GetRequiredService<MmrReranker>());
        services.TryAddSingleton<HybridRetriever>();
        services.TryAddSingleton<IKnowledgeRetriever>(sp => sp.GetRequiredService<HybridRetriever>());
        // What the chat and the standalone host's readiness read: how far a tenant's first indexing is.
        services.TryAddScoped<KnowledgeLoadingProgress>();
        services.AddTenantDataEraser<KnowledgeTenantErasure>();
        services.AddTenantDataEraser<KnowledgeIndexTenantErasure>();
        // Every process that serves searches drops its snapshot of a tenant when that tenant's knowledge changes.
        services.AddRoseEventHandler<KnowledgeUpdated, RefreshTenantIndex>();
        return services;
    }

    private sealed class KnowledgeIndexMarker;
}

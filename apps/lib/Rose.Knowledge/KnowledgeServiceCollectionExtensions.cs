using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Chunking;
using Rose.Knowledge.Data;
using Rose.Knowledge.Events;
using Rose.Knowledge.Graph;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Parsing;
using Rose.Knowledge.Retrieval;
using Rose.Knowledge.Sources;
using Rose.Knowledge.VectorStores;
using Rose.Llm.Configuration;
using Rose.Llm.Embeddings;
using Rose.Llm.Routing;
using Rose.Storage;

namespace Rose.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge base: storage, parsing, chunking, the document loader, and hybrid retrieval
    /// (<see cref="IKnowledgeRetriever"/>). Registers the offline MiniLM embedder unless an
    /// <see cref="ITextEmbedder"/> is already registered.
    /// </summary>
    public static IServiceCollection AddRoseKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseStorage(configuration);
        services.AddRoseDbContext<KnowledgeDbContext, KnowledgeSqliteDbContext, KnowledgePostgresDbContext>(KnowledgeDbContext.Module);
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChunkingOptions>().Bind(configuration.GetSection(ChunkingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RerankOptions>().Bind(configuration.GetSection(RerankOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        // The offline encoder, unless Rose.Llm is configured with an embedding provider: then
        // AddRoseLlm registers that one, whether it is called before or after this method.
        if (configuration["Rose:Llm:EmbeddingProvider"] is not { Length: > 0 })
        {
            services.TryAddSingleton<ITextEmbedder, MiniLmTextEmbedder>();
        }

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
        services.TryAddScoped<KnowledgeLoadingProgress>();

        services.TryAddSingleton<IKnowledgeEventPublisher, LoggingKnowledgeEventPublisher>();
        services.TryAddSingleton<DocumentLoadingSteps>();
        services.TryAddSingleton<DocumentLoadingPipeline>();
        services.TryAddSingleton<BackgroundDocumentLoader>();
        services.TryAddSingleton<IDocumentLoadingScheduler>(sp => sp.GetRequiredService<BackgroundDocumentLoader>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundDocumentLoader>());
        // Re-embeds documents of another embedding model, through whichever scheduler the host ends up with.
        services.TryAddSingleton<StaleEmbeddingScan>();
        services.AddHostedService(sp => sp.GetRequiredService<StaleEmbeddingScan>());
        services.TryAddScoped<DocumentIntake>();
        return services;
    }
}

using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Llm.Configuration;
using Rose.Llm.Embeddings;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using WireMock.RequestBuilders;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class EmbeddingProviderTests : IDisposable
{
    private readonly ExternalApiStub stub = new();
    private readonly HttpClient http = new();

    [Fact]
    public async Task EmbedAsync_calls_the_openai_embeddings_endpoint_and_normalises_in_input_order()
    {
        stub.Server.Given(Request.Create().WithPath("/v1/embeddings").UsingPost()).RespondWith(StubResponses.Json(Response()));
        var embedder = new OpenAiCompatibleTextEmbedder(http, new LlmProviderOptions
        {
            Kind = LlmProviderKind.OpenAICompatible,
            Endpoint = stub.Uri("/v1"),
            ApiKey = "embed-key",
            EmbeddingModel = "text-embedding-3-small",
            EmbeddingDimensions = 2,
        });

        var vectors = await embedder.EmbedAsync(["first", "second"], CancellationToken.None);

        Assert.Equal([0.6f, 0.8f], vectors[0]);
        Assert.Equal([1f, 0f], vectors[1]);
        var request = Assert.Single(stub.Server.LogEntries).RequestMessage;
        Assert.Equal("Bearer embed-key", request.Headers!["Authorization"].Single());
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("text-embedding-3-small", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(["first", "second"], body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task EmbedAsync_calls_the_azure_deployment_with_the_api_key_header()
    {
        stub.Server.Given(Request.Create().WithPath("/openai/deployments/embed-small/embeddings").UsingPost()).RespondWith(StubResponses.Json(Response()));
        var embedder = new OpenAiCompatibleTextEmbedder(http, new LlmProviderOptions
        {
            Kind = LlmProviderKind.AzureOpenAI,
            Endpoint = stub.Uri(),
            ApiKey = "azure-key",
            EmbeddingModel = "embed-small",
            EmbeddingDimensions = 2,
        });

        await embedder.EmbedAsync(["first", "second"], CancellationToken.None);

        var request = Assert.Single(stub.Server.LogEntries).RequestMessage;
        Assert.Equal("azure-key", request.Headers!["api-key"].Single());
        Assert.Equal(OpenAiCompatibleTextEmbedder.DefaultAzureApiVersion, request.Query!["api-version"].Single());
    }

    [Fact]
    public void AddRoseLlm_replaces_minilm_with_the_configured_embedding_provider()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.Merge(
            TestSettings.OpenAiCompatible("main", stub.Url),
            new Dictionary<string, string?>
            {
                ["Rose:Llm:Providers:main:EmbeddingModel"] = "nomic-embed-text",
                ["Rose:Llm:Providers:main:EmbeddingDimensions"] = "768",
                ["Rose:Llm:EmbeddingProvider"] = "main",
            })).Build();
        using var services = new ServiceCollection().AddLogging().AddRoseLlm(configuration).BuildServiceProvider();

        var embedder = services.GetRequiredService<ITextEmbedder>();

        Assert.IsType<OpenAiCompatibleTextEmbedder>(embedder);
        Assert.Equal(("nomic-embed-text", 768), (embedder.Model, embedder.Dimensions));
    }

    // Out of order on purpose: the client must sort by index.
    private static string Response() => JsonSerializer.Serialize(new
    {
        @object = "list",
        data = new[]
        {
            new { @object = "embedding", index = 1, embedding = new[] { 2.0, 0.0 } },
            new { @object = "embedding", index = 0, embedding = new[] { 3.0, 4.0 } },
        },
        model = "text-embedding-3-small",
        usage = new { prompt_tokens = 2, total_tokens = 2 },
    });

    public void Dispose()
    {
        http.Dispose();
        stub.Dispose();
    }
}

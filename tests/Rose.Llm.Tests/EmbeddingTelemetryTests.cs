using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Rose.Llm.Configuration;
using Rose.Llm.Embeddings;
using Rose.Llm.Telemetry;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using WireMock.RequestBuilders;
using Xunit;

namespace Rose.Llm.Tests;

/// <summary>Provider embeddings are traced as GenAI client spans, <c>embeddings {model}</c>.</summary>
public sealed class EmbeddingTelemetryTests : IDisposable
{
    private const string Model = "embedding-telemetry-model";
    private readonly ExternalApiStub stub = new();
    private readonly HttpClient http = new();
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener;

    public EmbeddingTelemetryTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LlmTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    [Fact]
    public async Task EmbedAsync_writes_an_embeddings_span_with_model_provider_and_input_tokens()
    {
        stub.Server.Given(Request.Create().WithPath("/v1/embeddings").UsingPost()).RespondWith(StubResponses.Json(JsonSerializer.Serialize(new
        {
            @object = "list",
            data = new[] { new { @object = "embedding", index = 0, embedding = new[] { 0.6, 0.8 } } },
            model = Model + "-2026",
            usage = new { prompt_tokens = 5, total_tokens = 5 },
        })));
        var embedder = new OpenAiCompatibleTextEmbedder(http, new LlmProviderOptions
        {
            Kind = LlmProviderKind.OpenAICompatible,
            Endpoint = stub.Uri("/v1"),
            EmbeddingModel = Model,
            EmbeddingDimensions = 2,
        });

        await embedder.EmbedAsync(["one text"], CancellationToken.None);

        var span = Assert.Single(stopped, a => a.DisplayName == $"embeddings {Model}");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("embeddings", span.GetTagItem(GenAiAttributes.OperationName));
        Assert.Equal("openai", span.GetTagItem(GenAiAttributes.ProviderName));
        Assert.Equal(Model, span.GetTagItem(GenAiAttributes.RequestModel));
        Assert.Equal(Model + "-2026", span.GetTagItem(GenAiAttributes.ResponseModel));
        Assert.Equal(5L, span.GetTagItem(GenAiAttributes.InputTokens));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
    }

    [Fact]
    public async Task EmbedAsync_marks_its_span_failed_with_the_http_status_when_the_provider_refuses()
    {
        stub.Server.Status("/v1/embeddings", 503);
        var embedder = new OpenAiCompatibleTextEmbedder(http, new LlmProviderOptions
        {
            Kind = LlmProviderKind.OpenAICompatible,
            Endpoint = stub.Uri("/v1"),
            EmbeddingModel = Model + "-failing",
            EmbeddingDimensions = 2,
        });

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => embedder.EmbedAsync(["one text"], CancellationToken.None));

        var span = Assert.Single(stopped, a => a.DisplayName == $"embeddings {Model}-failing");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("http_503", span.GetTagItem(GenAiAttributes.ErrorType));
    }

    public void Dispose()
    {
        listener.Dispose();
        http.Dispose();
        stub.Dispose();
    }
}

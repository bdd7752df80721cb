using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Rose.Llm.Configuration;
using Rose.Llm.Providers;
using Rose.Llm.Telemetry;

namespace Rose.Llm.Embeddings;

/// <summary>
/// Embeddings from a configured provider that has them: OpenAI and compatible servers
/// (<c>POST {endpoint}/embeddings</c>, bearer key) or an Azure OpenAI deployment
/// (<c>/openai/deployments/{deployment}/embeddings?api-version=…</c>, <c>api-key</c>). Vectors are
/// L2-normalised like MiniLM's, so callers can keep using the dot product as cosine similarity.
/// Failures throw <see cref="ProviderHttpException"/>; the document-loading workflow retries its activity.
/// </summary>
public sealed class OpenAiCompatibleTextEmbedder(HttpClient http, LlmProviderOptions provider) : ITextEmbedder
{
    public const string DefaultOpenAiEndpoint = "https://api.openai.com/v1";
    public const string DefaultAzureApiVersion = "2024-10-21";

    /// <summary>Inputs per request: well under every provider's limit, small enough to retry cheaply.</summary>
    private const int BatchSize = 64;

    public string Model { get; } = provider.EmbeddingModel ?? throw new InvalidOperationException("The embedding provider has no EmbeddingModel.");

    public int Dimensions { get; } = provider.EmbeddingDimensions;

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(texts.Count);
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            vectors.AddRange(await EmbedBatchAsync(texts.Skip(start).Take(BatchSize).ToList(), cancellationToken));
        }

        return [.. vectors];
    }

    private async Task<IEnumerable<float[]>> EmbedBatchAsync(List<string> batch, CancellationToken cancellationToken)
    {
        var azure = provider.Kind == LlmProviderKind.AzureOpenAI;
        // A GenAI client span per request, named as the conventions say ("embeddings {model}").
        using var activity = LlmTelemetry.Source.StartActivity($"embeddings {Model}", ActivityKind.Client);
        activity?.SetTag(GenAiAttributes.OperationName, "embeddings");
        activity?.SetTag(GenAiAttributes.ProviderName, azure ? "az.ai.openai" : "openai");
        activity?.SetTag(GenAiAttributes.System, azure ? "az.ai.openai" : "openai");
        activity?.SetTag(GenAiAttributes.RequestModel, Model);
        activity?.SetTag(GenAiAttributes.EmbeddingInputs, batch.Count);
        var body = new JsonObject { ["input"] = new JsonArray([.. batch.Select(t => JsonValue.Create(t))]) };
        if (!azure)
        {
            body["model"] = Model;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Address(azure))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (azure)
        {
            request.Headers.Add("api-key", provider.ApiKey);
        }
        else if (!string.IsNullOrEmpty(provider.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", provider.ApiKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        try
        {
            await HttpResponses.EnsureSuccessAsync(response, azure ? "Azure OpenAI" : "OpenAI", cancellationToken);
        }
        catch (ProviderHttpException e)
        {
            activity?.SetTag(GenAiAttributes.ErrorType, $"http_{(int)response.StatusCode}");
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var data = json?["data"]?.AsArray()
            ?? throw new InvalidDataException("The embeddings response has no data.");
        activity?.SetTag(GenAiAttributes.ResponseModel, (string?)json?["model"] ?? Model);
        if (json?["usage"]?["prompt_tokens"] is JsonValue tokens && tokens.TryGetValue<long>(out var inputTokens))
        {
            activity?.SetTag(GenAiAttributes.InputTokens, inputTokens);
        }

        activity?.SetStatus(ActivityStatusCode.Ok);
        return data
            .OrderBy(item => (int?)item?["index"] ?? 0)
            .Select(item => Normalise(item!["embedding"]!.AsArray().Select(v => (float)v!).ToArray()));
    }

    private Uri Address(bool azure)
    {
        var endpoint = (provider.Endpoint?.AbsoluteUri ?? DefaultOpenAiEndpoint).TrimEnd('/');
        return azure
            ? new Uri($"{endpoint}/openai/deployments/{Uri.EscapeDataString(Model)}/embeddings?api-version={provider.ApiVersion ?? DefaultAzureApiVersion}")
            : new Uri($"{endpoint}/embeddings");
    }

    private static float[] Normalise(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }
}

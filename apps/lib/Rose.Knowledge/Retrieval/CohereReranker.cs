using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Reranks with a Cohere-compatible <c>POST /v1/rerank</c> API. When the API fails or is slow the
/// answer still comes, from MMR: a chat reply must not depend on an optional provider.
/// </summary>
public sealed class CohereReranker(HttpClient http, IOptions<RerankOptions> options, IOptions<RetrievalOptions> retrieval, ILogger<CohereReranker> logger) : IPassageReranker
{
    public async Task<ScoredOrdinal[]> RerankAsync(TenantKnowledgeIndex index, string query, ReadOnlyMemory<float> queryVector, ScoredOrdinal[] candidates, int k, CancellationToken cancellationToken)
    {
        if (candidates.Length == 0)
        {
            return [];
        }

        var settings = options.Value;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.Endpoint!.TrimEnd('/') + "/"), "v1/rerank"))
            {
                Content = JsonContent.Create(new RerankRequest(settings.Model, query, [.. candidates.Select(c => index.Chunks[c.Ordinal].Text)], k)),
            };
            if (!string.IsNullOrEmpty(settings.ApiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
            }

            using var response = await http.SendAsync(request, timeout.Token);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<RerankResponse>(timeout.Token);
            return (body?.Results ?? [])
                .Where(r => r.Index >= 0 && r.Index < candidates.Length)
                .OrderByDescending(r => r.RelevanceScore)
                .Take(k)
                .Select(r => new ScoredOrdinal(candidates[r.Index].Ordinal, (float)r.RelevanceScore))
                .ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The rerank API failed; ranking with MMR instead");
            return MmrReranker.Rerank(index.Vectors, candidates, k, retrieval.Value.MmrLambda);
        }
    }

    private sealed record RerankRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("query")] string Query,
        [property: JsonPropertyName("documents")] string[] Documents,
        [property: JsonPropertyName("top_n")] int TopN);

    private sealed record RerankResponse([property: JsonPropertyName("results")] List<RerankResult>? Results);

    private sealed record RerankResult(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("relevance_score")] double RelevanceScore);
}

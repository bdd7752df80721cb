using Microsoft.Extensions.Options;
using Rose.Llm.Configuration;

namespace Rose.Llm.Providers;

/// <summary>The configured providers by name, built once from <c>Rose:Llm:Providers</c>.</summary>
public sealed class LlmProviderRegistry
{
    /// <summary>Name of the HttpClient every provider uses (no client-side timeout: the router has its own).</summary>
    public const string HttpClientName = "Rose.Llm";

    private readonly Dictionary<string, LlmProvider> providers;

    public LlmProviderRegistry(IOptions<LlmOptions> options, IHttpClientFactory httpClients)
    {
        providers = options.Value.Providers.ToDictionary(
            p => p.Key,
            p => new LlmProvider(p.Key, p.Value, model => ChatClientFactory.Create(p.Value, model, httpClients.CreateClient(HttpClientName))),
            StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<LlmProvider> All => providers.Values;

    public LlmProvider? Find(string name) => providers.GetValueOrDefault(name);
}

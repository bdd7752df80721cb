using Microsoft.Extensions.AI;
using Rose.Llm.Configuration;

namespace Rose.Llm.Providers;

/// <summary>A configured provider: its name, settings, GenAI system name, and a chat client per model.</summary>
public sealed class LlmProvider(string name, LlmProviderOptions options, Func<string, IChatClient> createClient)
{
    private readonly Dictionary<string, IChatClient> clients = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public string Name { get; } = name;

    public LlmProviderOptions Options { get; } = options;

    /// <summary>The <c>gen_ai.system</c> / <c>gen_ai.provider.name</c> value of the semantic conventions.</summary>
    public string GenAiSystem => Options.Kind switch
    {
        LlmProviderKind.AzureOpenAI => "az.ai.openai",
        LlmProviderKind.Anthropic => "anthropic",
        LlmProviderKind.Gemini => "gcp.gemini",
        _ => "openai",
    };

    /// <summary>The client for <paramref name="model"/> (SK services are bound to one model, so one client each).</summary>
    public IChatClient ClientFor(string model)
    {
        lock (gate)
        {
            if (!clients.TryGetValue(model, out var client))
            {
                client = createClient(model);
                clients[model] = client;
            }

            return client;
        }
    }
}

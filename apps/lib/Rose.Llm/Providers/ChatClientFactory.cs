using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Rose.Llm.Configuration;
using Rose.Llm.Providers.Anthropic;
using Rose.Llm.Providers.Gemini;
using Rose.Llm.Providers.SemanticKernel;

namespace Rose.Llm.Providers;

/// <summary>
/// Builds the chat client of a provider kind. OpenAI, compatible endpoints and Azure go through
/// Semantic Kernel's connectors; Anthropic and Gemini through the thin clients of this module. The
/// HttpClient handed to SK turns off the OpenAI SDK's own retries and timeout, so the router's
/// policy is the only one and retry counts are exact.
/// </summary>
internal static class ChatClientFactory
{
    /// <summary>Ollama and vLLM accept any key, but the OpenAI SDK refuses an empty one.</summary>
    private const string PlaceholderKey = "not-needed";

    public static IChatClient Create(LlmProviderOptions options, string model, HttpClient http) => options.Kind switch
    {
        LlmProviderKind.OpenAI or LlmProviderKind.OpenAICompatible => new SemanticKernelChatClient(
            options.Endpoint is null
                ? new OpenAIChatCompletionService(model, options.ApiKey ?? PlaceholderKey, organization: null, httpClient: http)
#pragma warning disable SKEXP0010 // The custom-endpoint constructor is what every OpenAI-compatible server needs.
                : new OpenAIChatCompletionService(model, options.Endpoint, options.ApiKey ?? PlaceholderKey, organization: null, httpClient: http),
#pragma warning restore SKEXP0010
            model),
        LlmProviderKind.AzureOpenAI => new SemanticKernelChatClient(
            new AzureOpenAIChatCompletionService(
                deploymentName: model,
                endpoint: options.Endpoint!.AbsoluteUri,
                apiKey: options.ApiKey!,
                modelId: options.Model,
                httpClient: http,
                apiVersion: options.ApiVersion),
            model),
        LlmProviderKind.Anthropic => new AnthropicChatClient(
            http, options.Endpoint ?? new Uri(AnthropicChatClient.DefaultEndpoint), options.ApiKey!, options.AnthropicVersion, model),
        LlmProviderKind.Gemini => new GeminiChatClient(
            http, options.Endpoint ?? new Uri(GeminiChatClient.DefaultEndpoint), options.ApiKey!, model),
        _ => throw new InvalidOperationException($"Provider kind {options.Kind} is not supported."),
    };
}

using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using ChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;

namespace Rose.Llm.Providers.SemanticKernel;

/// <summary>
/// Adapts Semantic Kernel's OpenAI and Azure OpenAI chat services to <see cref="IChatClient"/>, the one
/// abstraction the module routes over. Written by hand rather than with SK's generic adapter so that
/// token usage and finish reasons (which SK keeps in metadata) reach the accounting and the traces.
/// </summary>
internal sealed class SemanticKernelChatClient(IChatCompletionService service, string model) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var results = await service.GetChatMessageContentsAsync(ToHistory(messages), Settings(options), kernel: null, cancellationToken);
        var content = results.Count > 0 ? results[0] : null;
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, content?.Content ?? string.Empty))
        {
            ModelId = content?.ModelId ?? model,
            FinishReason = FinishReason(content?.Metadata),
            Usage = Usage(content?.Metadata),
        };
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var chunk in service.GetStreamingChatMessageContentsAsync(ToHistory(messages), Settings(options), kernel: null, cancellationToken))
        {
            var update = new ChatResponseUpdate(ChatRole.Assistant, chunk.Content)
            {
                ModelId = chunk.ModelId ?? model,
                FinishReason = FinishReason(chunk.Metadata),
            };
            if (Usage(chunk.Metadata) is { } usage)
            {
                update.Contents.Add(new UsageContent(usage));
            }

            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType.IsInstanceOfType(service) ? service : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The HttpClient belongs to the factory; SK services hold nothing else.
    }

    private static ChatHistory ToHistory(IEnumerable<ChatMessage> messages)
    {
        var history = new ChatHistory();
        foreach (var message in messages)
        {
            var role = message.Role == ChatRole.System ? AuthorRole.System
                : message.Role == ChatRole.Assistant ? AuthorRole.Assistant
                : AuthorRole.User;
            history.AddMessage(role, message.Text);
        }

        return history;
    }

    private static OpenAIPromptExecutionSettings Settings(ChatOptions? options) => new()
    {
        MaxTokens = options?.MaxOutputTokens,
        Temperature = options?.Temperature,
    };

    private static UsageDetails? Usage(IReadOnlyDictionary<string, object?>? metadata) =>
        metadata is not null && metadata.TryGetValue("Usage", out var value) && value is ChatTokenUsage usage
            ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
            : null;

    private static ChatFinishReason? FinishReason(IReadOnlyDictionary<string, object?>? metadata) =>
        metadata is not null && metadata.TryGetValue("FinishReason", out var value) && value?.ToString() is { Length: > 0 } reason
            ? new ChatFinishReason(reason.ToLowerInvariant())
            : null;
}

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Rose.Llm.Configuration;
using Rose.Llm.Prompts;
using Rose.Llm.Routing;
using Rose.Tagging.Labels;

namespace Rose.Tagging.Classification;

/// <summary>
/// Tags with the LLM configured for purpose <c>tagging</c>: structured JSON validated against the label
/// set. A reply that is not valid is asked for once more, with what was wrong; a second bad reply, or
/// no provider at all, falls back to the offline classifier. Topics always come from the citations
/// (the LLM never saw which documents were cited).
/// </summary>
public sealed class LlmConversationClassifier(
    ILlmRouter router,
    PromptLibrary prompts,
    OfflineConversationClassifier offline,
    ILogger<LlmConversationClassifier> logger) : IConversationClassifier
{
    private const int MaxTranscriptChars = 6000;

    public async Task<ConversationTags> ClassifyAsync(string tenantId, ConversationTranscript transcript, LabelSet labels, CancellationToken cancellationToken)
    {
        var fallback = await offline.ClassifyAsync(tenantId, transcript, labels, cancellationToken);
        if (!router.IsConfigured(LlmPurposes.Tagging))
        {
            return fallback;
        }

        List<ChatMessage> messages =
        [
            new(ChatRole.System, prompts.Render(LlmPurposes.Tagging, tenantId, null, new Dictionary<string, string> { ["labels"] = Describe(labels) })),
            new(ChatRole.User, Transcript(transcript)),
        ];
        try
        {
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var completion = await router.CompleteAsync(LlmPurposes.Tagging, tenantId, messages, cancellationToken);
                var (tags, problem) = Validate(completion.Text, labels, fallback);
                if (tags is not null)
                {
                    return new ConversationTags(tags, $"{completion.Provider}/{completion.Model}");
                }

                logger.LogInformation("Tagging reply {Attempt} was not valid: {Problem}", attempt, problem);
                messages.Add(new ChatMessage(ChatRole.Assistant, completion.Text));
                messages.Add(new ChatMessage(ChatRole.User, $"That reply is not valid: {problem} Reply again with the JSON object only."));
            }
        }
        catch (LlmUnavailableException e)
        {
            logger.LogInformation("Tagging falls back to the offline classifier: {Reason}", e.Message);
        }

        return fallback;
    }

    internal static (IReadOnlyList<AssignedTag>? Tags, string? Problem) Validate(string text, LabelSet labels, ConversationTags offline)
    {
        LlmReply? reply;
        try
        {
            reply = JsonSerializer.Deserialize<LlmReply>(StripFence(text));
        }
        catch (JsonException e)
        {
            return (null, $"it is not JSON ({e.Message}).");
        }

        if (reply?.Intents is not { Count: > 0 } intents)
        {
            return (null, "\"intents\" must list at least one intent label.");
        }

        var unknown = intents.Where(i => !labels.Contains(LabelGroup.Intent, i)).ToList();
        if (unknown.Count > 0)
        {
            return (null, $"unknown intent label(s): {string.Join(", ", unknown)}.");
        }

        if (reply.Stage is null || !labels.Contains(LabelGroup.Stage, reply.Stage))
        {
            return (null, $"\"stage\" must be one of {string.Join(", ", labels.InGroup(LabelGroup.Stage).Select(l => l.Name))}.");
        }

        if (reply.Sentiment is null || !labels.Contains(LabelGroup.Sentiment, reply.Sentiment))
        {
            return (null, $"\"sentiment\" must be one of {string.Join(", ", labels.InGroup(LabelGroup.Sentiment).Select(l => l.Name))}.");
        }

        if (reply.Language is not { Length: 2 } language || !language.All(char.IsAsciiLetterLower))
        {
            return (null, "\"language\" must be a two-letter lowercase ISO 639-1 code.");
        }

        // The LLM gives no calibrated probability: its main intent is held at 0.9, the others lower.
        var tags = intents.Distinct(StringComparer.Ordinal).Select((i, n) => new AssignedTag(i, LabelGroup.Intent, n == 0 ? 0.9 : 0.7)).ToList();
        tags.Add(new AssignedTag(reply.Stage, LabelGroup.Stage, 0.8));
        tags.Add(new AssignedTag(reply.Sentiment, LabelGroup.Sentiment, 0.8));
        tags.Add(new AssignedTag(language, LabelGroup.Language, 0.9));
        tags.AddRange(offline.Tags.Where(t => t.Group == LabelGroup.Topic));
        if (reply.Spam == true && labels.Contains(LabelGroup.Spam, LabelSet.Spam))
        {
            tags.Add(new AssignedTag(LabelSet.Spam, LabelGroup.Spam, 0.8));
        }

        return (tags, null);
    }

    private static string Describe(LabelSet labels)
    {
        var text = new StringBuilder();
        foreach (var group in labels.Labels.GroupBy(l => l.Group))
        {
            text.Append("- ").Append(group.Key.ToString().ToLowerInvariant()).AppendLine(":");
            foreach (var label in group)
            {
                text.Append("  - ").Append(label.Name).Append(": ").AppendLine(label.Description);
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string Transcript(ConversationTranscript transcript)
    {
        var text = new StringBuilder();
        foreach (var message in transcript.Messages)
        {
            text.Append(message.IsVisitor ? "Visitor: " : "Assistant: ").AppendLine(message.Text);
        }

        return text.Length > MaxTranscriptChars ? text.ToString(0, MaxTranscriptChars) : text.ToString();
    }

    // Models like to wrap JSON in a Markdown fence even when told not to.
    private static string StripFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var start = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return start >= 0 && end > start ? trimmed[(start + 1)..end].Trim() : trimmed;
    }
}

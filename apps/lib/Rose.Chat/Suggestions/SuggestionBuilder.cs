using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Rose.Knowledge.Retrieval;
using Rose.Llm.Configuration;
using Rose.Llm.Prompts;
using Rose.Llm.Routing;

namespace Rose.Chat.Suggestions;

/// <summary>
/// Follow-up questions offered as chips. With an LLM (purpose suggestions) they are written from
/// the passages; offline they point at the neighbouring sections retrieval found, which the
/// knowledge base can answer by construction.
/// </summary>
public sealed class SuggestionBuilder(ILlmRouter router, PromptLibrary prompts, ILogger<SuggestionBuilder> logger)
{
    public const int Count = 3;

    public async Task<IReadOnlyList<string>> BuildAsync(
        string tenantId, string question, IReadOnlyList<RetrievedPassage> passages, IReadOnlySet<string> citedChunks, string language, CancellationToken cancellationToken)
    {
        if (passages.Count == 0)
        {
            return [];
        }

        if (router.IsConfigured(LlmPurposes.Suggestions))
        {
            try
            {
                var system = prompts.Render(LlmPurposes.Suggestions, tenantId, new TenantVoice(Language: language), new Dictionary<string, string>
                {
                    ["count"] = Count.ToString(),
                    ["passages"] = string.Join("\n---\n", passages.Take(5).Select(p => p.Text)),
                });
                var completion = await router.CompleteAsync(LlmPurposes.Suggestions, tenantId,
                    [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, question)], cancellationToken);
                var lines = completion.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(l => l.TrimStart('-', '*', ' ', '1', '2', '3', '.', ')').Trim())
                    .Where(l => l.Length is > 3 and < 200)
                    .Take(Count)
                    .ToList();
                if (lines.Count > 0)
                {
                    return lines;
                }
            }
            catch (LlmUnavailableException e)
            {
                logger.LogInformation("Suggestions fall back to the offline ones: {Reason}", e.Message);
            }
        }

        return Offline(question, passages, citedChunks, language);
    }

    internal static IReadOnlyList<string> Offline(string question, IReadOnlyList<RetrievedPassage> passages, IReadOnlySet<string> citedChunks, string language)
    {
        // Sections next to the answer, not the one already cited: that is what a visitor asks next.
        var topics = passages
            .OrderBy(p => citedChunks.Contains(p.ChunkId) ? 1 : 0)
            .Select(p => p.HeadingPath.Count > 0 ? p.HeadingPath[^1] : p.Title)
            .Select(t => t.Trim().TrimEnd('?', '.', ':'))
            .Where(t => t.Length is > 2 and < 80 && !question.Contains(t, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(Count);
        return [.. topics.Select(t => language == "fr" ? $"Parlez-moi de : {t}" : $"Tell me more about {t}")];
    }
}

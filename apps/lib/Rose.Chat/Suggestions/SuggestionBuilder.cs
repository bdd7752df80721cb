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
        // Sections next to the answer, never the ones the answer cited: that is what a visitor asks next.
        return [.. passages
            .Where(p => !citedChunks.Contains(p.ChunkId))
            .Where(p => p.HeadingPath.Count > 0 ? !question.Contains(p.HeadingPath[^1].Trim().TrimEnd('?', '.', ':'), StringComparison.OrdinalIgnoreCase) : !question.Contains(p.Title.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(p => SuggestionPhrasing.Phrase(p.HeadingPath, p.Title, language))
            .OfType<string>()
            .Where(s => !string.Equals(s.TrimEnd('?'), question.Trim().TrimEnd('?'), StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(Count)];
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Rose.Chat.Memory;
using Rose.Llm.Configuration;
using Rose.Llm.Prompts;
using Rose.Llm.Routing;

namespace Rose.Chat.Rewriting;

/// <summary>
/// Makes a follow-up question stand alone for retrieval ("and how much does it cost?" needs the
/// previous topic). With an LLM (purpose query-rewrite) it rewrites; offline it appends the previous
/// question when the new one is short or refers back, which is what BM25 and the vectors need.
/// </summary>
public sealed partial class QueryRewriter(ILlmRouter router, PromptLibrary prompts, ILogger<QueryRewriter> logger)
{
    public async Task<string> RewriteAsync(string tenantId, string question, ConversationMemory memory, CancellationToken cancellationToken)
    {
        // A question that stands on its own is searched as asked: asking the LLM to rewrite it would
        // put a whole round trip before the first token for nothing.
        if (memory.RecentTurns.Count == 0 || !RefersBack(question))
        {
            return question;
        }

        if (router.IsConfigured(LlmPurposes.QueryRewrite))
        {
            try
            {
                List<ChatMessage> messages = [new(ChatRole.System, prompts.Render(LlmPurposes.QueryRewrite, tenantId, null))];
                foreach (var turn in memory.RecentTurns)
                {
                    messages.Add(new ChatMessage(ChatRole.User, turn.Question));
                    messages.Add(new ChatMessage(ChatRole.Assistant, turn.Answer));
                }

                messages.Add(new ChatMessage(ChatRole.User, question));
                var completion = await router.CompleteAsync(LlmPurposes.QueryRewrite, tenantId, messages, cancellationToken);
                var rewritten = completion.Text.Trim().Trim('"');
                if (rewritten.Length is > 0 and < 500)
                {
                    return rewritten;
                }
            }
            catch (LlmUnavailableException e)
            {
                logger.LogInformation("Query rewrite falls back to the offline one: {Reason}", e.Message);
            }
        }

        return Offline(question, memory);
    }

    internal static string Offline(string question, ConversationMemory memory) =>
        RefersBack(question) && memory.RecentTurns.Count > 0
            ? $"{question} {memory.RecentTurns[^1].Question}"
            : question;

    /// <summary>Short questions and questions with a pronoun usually lean on the previous turn.</summary>
    private static bool RefersBack(string question) =>
        question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 || ReferenceWord().IsMatch(question);

    [GeneratedRegex(@"\b(it|its|this|that|these|those|they|them|there|ça|cela|celui|celle|il|elle|ils|elles)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceWord();
}

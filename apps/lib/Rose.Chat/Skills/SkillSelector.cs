using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Rose.Chat.Data;
using Rose.Llm.Configuration;
using Rose.Llm.Embeddings;
using Rose.Llm.Prompts;
using Rose.Llm.Routing;

namespace Rose.Chat.Skills;

/// <summary>
/// Chooses the one ending of an answer: the contact skill when the knowledge base had no answer; a
/// skill whose trigger the visitor used; else the LLM's choice (purpose skill-selection) when one is
/// configured, or the skill whose description is most similar to the question (offline). Never the
/// skill shown last, and none when nothing fits well enough.
/// </summary>
public sealed class SkillSelector(ITextEmbedder embedder, ILlmRouter router, PromptLibrary prompts, ILogger<SkillSelector> logger)
{
    /// <summary>Cosine similarity below which no skill is better than an unrelated one.</summary>
    public const double MinimumSimilarity = 0.45;

    private readonly ConcurrentDictionary<string, float[]> descriptionVectors = new(StringComparer.Ordinal);

    public async Task<TenantSkill?> SelectAsync(
        string tenantId,
        IReadOnlyList<TenantSkill> skills,
        string question,
        ReadOnlyMemory<float> questionVector,
        bool declined,
        string? lastSkillId,
        CancellationToken cancellationToken)
    {
        var candidates = skills.Where(s => s.Id != lastSkillId).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (declined)
        {
            return candidates.FirstOrDefault(s => s.IsContact);
        }

        var triggered = candidates.FirstOrDefault(s => s.Triggers.Any(t => question.Contains(t, StringComparison.OrdinalIgnoreCase)));
        if (triggered is not null)
        {
            return triggered;
        }

        if (router.IsConfigured(LlmPurposes.SkillSelection))
        {
            var chosen = await AskLlmAsync(tenantId, candidates, question, cancellationToken);
            if (chosen.Found)
            {
                return chosen.Skill;
            }
        }

        return await MostSimilarAsync(candidates, question, questionVector, cancellationToken);
    }

    /// <param name="questionVector">The question's embedding when the turn already has it; embedded here otherwise.</param>
    private async Task<TenantSkill?> MostSimilarAsync(
        List<TenantSkill> candidates, string question, ReadOnlyMemory<float> questionVector, CancellationToken cancellationToken)
    {
        var missing = candidates.Where(s => !descriptionVectors.ContainsKey(DescriptionOf(s))).Select(DescriptionOf).Distinct().ToList();
        if (missing.Count > 0)
        {
            var vectors = await embedder.EmbedAsync(missing, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                descriptionVectors[missing[i]] = vectors[i];
            }
        }

        var query = questionVector.Length == embedder.Dimensions
            ? questionVector
            : (await embedder.EmbedQueriesAsync([question], cancellationToken))[0];
        var best = candidates
            .Select(s => (Skill: s, Similarity: (double)TensorPrimitives.Dot(query.Span, descriptionVectors[DescriptionOf(s)])))
            .MaxBy(x => x.Similarity);
        return best.Similarity >= MinimumSimilarity ? best.Skill : null;
    }

    private async Task<(bool Found, TenantSkill? Skill)> AskLlmAsync(string tenantId, List<TenantSkill> candidates, string question, CancellationToken cancellationToken)
    {
        try
        {
            var list = string.Join('\n', candidates.Select(s => $"- {s.Id}: {s.Description}"));
            var completion = await router.CompleteAsync(LlmPurposes.SkillSelection, tenantId,
            [
                new ChatMessage(ChatRole.System, prompts.Render(LlmPurposes.SkillSelection, tenantId, null, new Dictionary<string, string> { ["skills"] = list })),
                new ChatMessage(ChatRole.User, question),
            ], cancellationToken);
            var answer = completion.Text.Trim().Trim('"', '.', '`').ToLowerInvariant();
            return answer == "none" ? (true, null) : (candidates.FirstOrDefault(s => s.Id == answer) is { } skill ? (true, skill) : (false, null));
        }
        catch (LlmUnavailableException e)
        {
            logger.LogInformation("Skill selection falls back to embeddings: {Reason}", e.Message);
            return (false, null);
        }
    }

    // Label and description together: the label alone ("Book a demo") is too short to embed well.
    private static string DescriptionOf(TenantSkill skill) => $"{skill.Label}. {skill.Description}";
}

using Microsoft.Extensions.AI;
using Rose.Llm.Composer;
using Rose.Llm.Prompts;

namespace Rose.Llm.Answering;

/// <summary>A visitor's question with what retrieval found for it.</summary>
/// <param name="TenantId">The tenant the answer is for (budget, accounting, voice).</param>
/// <param name="Question">The visitor's question (as asked, or rewritten to stand alone).</param>
/// <param name="Passages">Retrieved passages, best first.</param>
public sealed record AnswerRequest(string TenantId, string Question, IReadOnlyList<GroundingPassage> Passages)
{
    /// <summary>Earlier turns of the conversation, oldest first (user and assistant messages).</summary>
    public IReadOnlyList<ChatMessage> History { get; init; } = [];

    /// <summary>The question's embedding when the caller already has it (retrieval made it); empty otherwise.</summary>
    public ReadOnlyMemory<float> QuestionVector { get; init; }

    /// <summary>The company the visitor works for, when enrichment knows it: answers can speak to its situation.</summary>
    public string? VisitorCompany { get; init; }

    /// <summary>The tenant's persona, tone and language, as set in its widget settings.</summary>
    public TenantVoice? Voice { get; init; }
}

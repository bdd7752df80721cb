namespace Rose.Llm.Answering;

/// <summary>Who wrote an answer.</summary>
public enum AnswerSource
{
    /// <summary>A configured LLM provider, grounded in the passages.</summary>
    Llm,

    /// <summary>The offline extractive composer.</summary>
    Offline,
}

namespace Rose.Llm.Configuration;

/// <summary>The wire protocol a configured provider speaks.</summary>
public enum LlmProviderKind
{
    /// <summary>api.openai.com, or any endpoint speaking its Chat Completions protocol.</summary>
    OpenAI,

    /// <summary>Cerebras, Mistral, Groq, OpenRouter, Ollama, vLLM…: the OpenAI protocol at a custom endpoint.</summary>
    OpenAICompatible,

    /// <summary>Azure OpenAI: deployments under <c>/openai/deployments/{deployment}</c>, <c>api-key</c> header.</summary>
    AzureOpenAI,

    /// <summary>Anthropic's Messages API.</summary>
    Anthropic,

    /// <summary>Google Gemini's generateContent API.</summary>
    Gemini,
}

namespace Rose.Llm.Routing;

/// <summary>How demanding a prompt looks: simple ones may go to a provider's faster model.</summary>
public enum PromptComplexity
{
    Simple,
    Complex,
}

namespace Rose.Llm.Tests.Support;

/// <summary>Configuration pieces the tests combine.</summary>
internal static class TestSettings
{
    /// <summary>Short delays so that retries take milliseconds; generous timeouts so that only timeout tests time out.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastResilience = new Dictionary<string, string?>
    {
        ["Rose:Llm:Resilience:BaseDelay"] = "00:00:00.010",
        ["Rose:Llm:Resilience:MaxDelay"] = "00:00:00.050",
        ["Rose:Llm:Resilience:MaxRetries"] = "2",
        ["Rose:Llm:Resilience:AttemptTimeout"] = "00:00:10",
        ["Rose:Llm:Resilience:CircuitFailureThreshold"] = "50",
        ["Rose:Llm:Composer:CheckConfidenceBeforeLlm"] = "false",
    };

    public static Dictionary<string, string?> OpenAiCompatible(string name, string baseUrl, string model = "small-model") => new()
    {
        [$"Rose:Llm:Providers:{name}:Kind"] = "OpenAICompatible",
        [$"Rose:Llm:Providers:{name}:Endpoint"] = $"{baseUrl}/v1",
        [$"Rose:Llm:Providers:{name}:Model"] = model,
        [$"Rose:Llm:Providers:{name}:ApiKey"] = $"test-key-{name}",
    };

    public static Dictionary<string, string?> Merge(params IEnumerable<KeyValuePair<string, string?>>[] parts)
    {
        var all = new Dictionary<string, string?>();
        foreach (var part in parts)
        {
            foreach (var (key, value) in part)
            {
                all[key] = value;
            }
        }

        return all;
    }
}

namespace Rose.Llm.Configuration;

/// <summary><c>Rose:Llm:Tenants:&lt;tenantId&gt;</c>: one tenant's budget and voice.</summary>
public sealed class TenantLlmOptions
{
    /// <summary>Tokens (input + output) per calendar month (UTC); overrides the default budget.</summary>
    public long? MonthlyTokenBudget { get; set; }

    public string? AssistantName { get; set; }

    public string? Persona { get; set; }

    public string? Tone { get; set; }

    /// <summary>Language the answers are written in (e.g. <c>fr</c>); empty means the visitor's.</summary>
    public string? Language { get; set; }
}

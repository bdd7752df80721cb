namespace Rose.Llm.Prompts;

/// <summary>
/// How a tenant's assistant speaks. Any field left null falls back to <c>Rose:Llm:Tenants:&lt;id&gt;</c>,
/// then to Rose's defaults. The chat passes what the tenant set in its widget settings.
/// </summary>
public sealed record TenantVoice(string? AssistantName = null, string? Persona = null, string? Tone = null, string? Language = null);

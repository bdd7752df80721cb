using System.Text.Json;

namespace Rose.Platform.Workflows;

/// <summary>Body of <c>POST /workflows/v1/{name}/instances</c>: the tenant, an optional local id (idempotent starts) and the input as JSON.</summary>
public sealed record StartWorkflowRequest(string TenantId, string? LocalId, JsonElement? Input);

namespace Rose.Workflows.Models;

/// <summary>Input of <see cref="Workflows.TenantOffboardingWorkflow"/>: the tenant to erase.</summary>
public sealed record TenantOffboardingInput(string TenantId);

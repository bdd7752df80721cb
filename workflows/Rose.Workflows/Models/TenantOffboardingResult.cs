namespace Rose.Workflows.Models;

/// <summary>Output of <see cref="Workflows.TenantOffboardingWorkflow"/>: the erasers that ran, in order.</summary>
public sealed record TenantOffboardingResult(string TenantId, IReadOnlyList<string> Erased);

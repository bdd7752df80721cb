namespace Rose.Workflows.Models;

/// <summary>The custom status of an off-boarding: how many of its erasers are done, and which runs now.</summary>
public sealed record TenantOffboardingProgress(int Done, int Total, string? Current);

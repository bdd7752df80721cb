namespace Rose.Workflows.Api;

/// <summary>
/// Where an off-boarding stands: <c>offboarding</c> (running, <see cref="Done"/> of <see cref="Total"/>
/// erasers finished), <c>offboarded</c> (every store erased, the tenant gone) or <c>failed</c> (DELETE
/// again to resume; the finished erasers find nothing left and the rest run).
/// </summary>
public sealed record TenantOffboardingStatus(
    string TenantId,
    string InstanceId,
    string State,
    int Done,
    int Total,
    IReadOnlyList<string> Erased,
    string? Failure)
{
    public const string Offboarding = "offboarding";
    public const string Offboarded = "offboarded";
    public const string Failed = "failed";
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rose.Standalone;

/// <summary>
/// Readiness, not liveness (so <c>/health</c> waits for it and <c>/alive</c> does not): the host is
/// ready once the demo documentation is submitted and none of it is queued or processing, so a probe
/// never sends visitors to a demo that would answer "I don't know". Migrations need no check of
/// their own: they run while the host starts, before it listens.
/// </summary>
public sealed class DemoKnowledgeReadinessCheck(DemoKnowledgeLoading loading) : IHealthCheck
{
    public const string Name = "demo-knowledge";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(loading.IsFinished
            ? HealthCheckResult.Healthy("Start-up loading of the demo knowledge base is over.")
            : HealthCheckResult.Unhealthy(loading.Latest is { } latest
                ? $"{latest.Loading} of {latest.Total} demo documentation pages are still loading."
                : "The demo documentation is not submitted yet."));
}

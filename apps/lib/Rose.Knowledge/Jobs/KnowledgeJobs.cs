using Rose.Platform;
using Rose.Platform.Bindings;

namespace Rose.Knowledge.Jobs;

/// <summary>Rose.Knowledge's scheduled jobs; each has a <c>components/{name}.yaml</c> cron binding scoped to the app that runs it (a test checks).</summary>
public static class KnowledgeJobs
{
    /// <summary>Hourly, the worker brings FAQ documents up to date (the seed's "FAQ update").</summary>
    public static readonly CronJobDefinition FaqUpdate = new("faq-update", "0 40 * * * *", AppIds.Worker);
}

using Rose.Platform;
using Rose.Platform.Bindings;

namespace Rose.Crm.Webhooks;

/// <summary>The webhooks' scheduled job; its <c>components/{name}.yaml</c> cron binding is scoped to the worker (a test checks).</summary>
public static class WebhookJobs
{
    /// <summary>Every minute the worker sends the deliveries whose retry is due.</summary>
    public static readonly CronJobDefinition Deliveries = new("webhook-deliveries", "40 * * * * *", AppIds.Worker);
}

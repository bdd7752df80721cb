namespace Rose.Platform.Bindings;

/// <summary>
/// Every scheduled job, in one place, with the one app-id whose sidecar triggers it. Each has a
/// <c>components/{name}.yaml</c> cron binding with the same schedule, scoped to that app (a test checks).
/// </summary>
public static class CronJobs
{
    /// <summary>Every minute, search (which hosts Rose.Chat) ends idle conversations and publishes <c>conversation.ended</c>.</summary>
    public static readonly CronJobDefinition ConversationIdleCheck = new("conversation-idle-check", "0 */1 * * * *");

    /// <summary>Nightly (03:30 UTC), the worker deletes workflow instances that finished longer ago than the retention.</summary>
    public static readonly CronJobDefinition WorkflowPurge = new("workflow-purge", "0 30 3 * * *");

    public static IReadOnlyList<CronJobDefinition> All { get; } = [ConversationIdleCheck, WorkflowPurge];

    /// <summary>The app-id that runs each job (by job name): on Dapr only its sidecar loads the binding.</summary>
    public static IReadOnlyDictionary<string, string> RunBy { get; } = new Dictionary<string, string>
    {
        [ConversationIdleCheck.Name] = AppIds.Search,
        [WorkflowPurge.Name] = AppIds.Worker,
    };
}

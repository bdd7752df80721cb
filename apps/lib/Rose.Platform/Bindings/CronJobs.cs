namespace Rose.Platform.Bindings;

/// <summary>
/// Every scheduled job, in one place. Each has a <c>components/{name}.yaml</c> cron binding with
/// the same schedule (a test checks).
/// </summary>
public static class CronJobs
{
    /// <summary>Ends conversations nobody wrote in for a while, so the worker tags and scores them.</summary>
    public static readonly CronJobDefinition ConversationIdleCheck = new("conversation-idle-check", "0 */1 * * * *");

    public static IReadOnlyList<CronJobDefinition> All { get; } = [ConversationIdleCheck];
}

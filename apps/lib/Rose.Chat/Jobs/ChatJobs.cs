using Rose.Platform;
using Rose.Platform.Bindings;

namespace Rose.Chat.Jobs;

/// <summary>Rose.Chat's scheduled jobs; each has a <c>components/{name}.yaml</c> cron binding scoped to the app that runs it (a test checks).</summary>
public static class ChatJobs
{
    /// <summary>Every minute, search (which hosts Rose.Chat) ends idle conversations and publishes <c>conversation.ended</c>.</summary>
    public static readonly CronJobDefinition ConversationIdleCheck = new("conversation-idle-check", "0 */1 * * * *", AppIds.Search);
}

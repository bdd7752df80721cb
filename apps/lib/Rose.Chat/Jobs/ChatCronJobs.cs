using Rose.Platform.Bindings;

namespace Rose.Chat.Jobs;

/// <summary>The chat's scheduled jobs.</summary>
public static class ChatCronJobs
{
    /// <summary>Every minute: end conversations idle for longer than <see cref="ChatOptions.IdleAfter"/>.</summary>
    public static readonly CronJobDefinition ConversationIdleCheck = new("conversation-idle-check", "0 */1 * * * *");
}

using Rose.Platform.PubSub.Events;

namespace Rose.Platform.Tests.Support;

public static class Messages
{
    public static ConversationMessagePosted Posted(string tenantId, string conversationId) =>
        new(tenantId, conversationId, "m1", "visitor", DateTimeOffset.UtcNow);
}

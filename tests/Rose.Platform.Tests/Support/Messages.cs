
namespace Rose.Platform.Tests.Support;

public static class Messages
{
    public static SampleMessagePosted Posted(string tenantId, string conversationId) =>
        new(tenantId, conversationId, "m1", "visitor", DateTimeOffset.UtcNow);
}

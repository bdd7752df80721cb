namespace Rose.Chat.Events;

/// <summary>The topics Rose.Chat publishes. <c>components/pubsub.yaml</c> allows each and its dead-letter topic (a test checks).</summary>
public static class ChatTopics
{
    /// <summary>A visitor or the agent added a message to a conversation (published by search).</summary>
    public const string ConversationMessage = "conversation.message";

    /// <summary>A conversation went idle or was closed: time to tag and score it.</summary>
    public const string ConversationEnded = "conversation.ended";

    /// <summary>A visitor left an e-mail address through the widget: a lead for the CRM.</summary>
    public const string LeadCaptured = "lead.captured";
}

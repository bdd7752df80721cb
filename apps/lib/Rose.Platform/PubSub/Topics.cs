using System.Reflection;

namespace Rose.Platform.PubSub;

/// <summary>
/// Every topic Rose uses, in one place. The pub/sub component's <c>allowedTopics</c> in
/// <c>components/pubsub.yaml</c> must list exactly these and their dead-letter topics (a test checks).
/// </summary>
public static class Topics
{
    /// <summary>A visitor or the agent added a message to a conversation (published by search).</summary>
    public const string ConversationMessage = "conversation.message";

    /// <summary>A conversation went idle or was closed: time to tag and score it.</summary>
    public const string ConversationEnded = "conversation.ended";

    /// <summary>A tenant's knowledge base changed: search replicas refresh that tenant's index.</summary>
    public const string KnowledgeUpdated = "knowledge.updated";

    public static IReadOnlyList<string> All { get; } = [ConversationMessage, ConversationEnded, KnowledgeUpdated];

    /// <summary>Where Dapr forwards events a subscriber kept failing on.</summary>
    public static string DeadLetterFor(string topic) => topic + ".dead-letter";

    /// <summary>The topic declared on <typeparamref name="TEvent"/> by <see cref="EventTopicAttribute"/>.</summary>
    public static string For<TEvent>() where TEvent : IntegrationEvent => For(typeof(TEvent));

    /// <summary>The Dapr pub/sub component <paramref name="eventType"/> travels on (<see cref="EventTopicAttribute.PubSubName"/>).</summary>
    public static string PubSubFor(Type eventType)
    {
        For(eventType);
        return eventType.GetCustomAttribute<EventTopicAttribute>()!.PubSubName;
    }

    public static string For(Type eventType)
    {
        var topic = eventType.GetCustomAttribute<EventTopicAttribute>()?.Topic
            ?? throw new InvalidOperationException($"{eventType.Name} has no [EventTopic]: every integration event names its topic.");
        if (!All.Contains(topic))
        {
            throw new InvalidOperationException($"{eventType.Name} names topic '{topic}', which is not in Topics.All.");
        }

        return topic;
    }
}

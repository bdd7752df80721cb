using System.Reflection;

namespace Rose.Platform.PubSub;

/// <summary>
/// How topic names are derived. The topics themselves belong to the modules that publish them
/// (each event record names its topic with <see cref="EventTopicAttribute"/>); the pub/sub
/// component's <c>allowedTopics</c> lists every one of them and its dead-letter topic (a test checks).
/// </summary>
public static class Topics
{
    /// <summary>Where Dapr forwards events a subscriber kept failing on.</summary>
    public static string DeadLetterFor(string topic) => topic + ".dead-letter";

    /// <summary>The topic declared on <typeparamref name="TEvent"/> by <see cref="EventTopicAttribute"/>.</summary>
    public static string For<TEvent>() where TEvent : IntegrationEvent => For(typeof(TEvent));

    /// <summary>The Dapr pub/sub component <paramref name="eventType"/> travels on (<see cref="EventTopicAttribute.PubSubName"/>).</summary>
    public static string PubSubFor(Type eventType) =>
        eventType.GetCustomAttribute<EventTopicAttribute>()?.PubSubName
            ?? throw new InvalidOperationException($"{eventType.Name} has no [EventTopic]: every integration event names its topic.");

    public static string For(Type eventType) =>
        eventType.GetCustomAttribute<EventTopicAttribute>()?.Topic
            ?? throw new InvalidOperationException($"{eventType.Name} has no [EventTopic]: every integration event names its topic.");
}

using Rose.Platform.Dapr;

namespace Rose.Platform.PubSub;

/// <summary>
/// The topic an <see cref="IntegrationEvent"/> type is published to (a constant of the module that publishes it)
/// and, on Dapr, the pub/sub component that carries it: <see cref="DaprComponents.PubSub"/> (one replica
/// of each subscribing app gets each event) unless the event names <see cref="DaprComponents.BroadcastPubSub"/>
/// (every replica gets every event).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTopicAttribute(string topic) : Attribute
{
    public string Topic { get; } = topic;

    /// <summary>The Dapr pub/sub component name; a <see cref="DaprComponents"/> constant.</summary>
    public string PubSubName { get; set; } = DaprComponents.PubSub;
}

namespace Rose.Platform.PubSub;

/// <summary>The topic an <see cref="IntegrationEvent"/> type is published to; a constant of the module that publishes it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTopicAttribute(string topic) : Attribute
{
    public string Topic { get; } = topic;
}

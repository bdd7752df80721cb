using System.Reflection;
using Rose.Platform.PubSub;

namespace Rose.Platform.Tests.Consistency;

/// <summary>
/// Every integration event type in Rose's assemblies next to the tests (wherever its module keeps it),
/// with the topic and pub/sub component its <see cref="EventTopicAttribute"/> names.
/// </summary>
public static class IntegrationEventTypes
{
    public static IReadOnlyList<(Type Type, string Topic, string PubSub)> All { get; } = Find();

    private static List<(Type, string, string)> Find() =>
    [
        .. Directory.GetFiles(AppContext.BaseDirectory, "Rose.*.dll")
            .Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal))
            .Select(f => Assembly.LoadFrom(f))
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(IntegrationEvent)))
            .Select(t => (t, t.GetCustomAttribute<EventTopicAttribute>()))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.t, p.Item2!.Topic, p.Item2.PubSubName)),
    ];
}

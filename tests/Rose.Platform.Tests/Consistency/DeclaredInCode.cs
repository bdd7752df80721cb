using System.Reflection;
using Rose.Platform.Bindings;
using Rose.Platform.PubSub;

namespace Rose.Platform.Tests.Consistency;

/// <summary>
/// What Rose's own assemblies declare — the topics of their events and their cron jobs — read by
/// reflection, because each module owns its events and jobs and no central list exists to forget.
/// </summary>
public static class DeclaredInCode
{
    private static readonly IReadOnlyList<Assembly> RoseAssemblies = LoadRoseAssemblies();

    /// <summary>Every integration event type of a Rose module, with the topic and the Dapr pub/sub component its <see cref="EventTopicAttribute"/> names.</summary>
    public static IReadOnlyList<(Type Type, string Topic, string PubSub)> Events { get; } = [.. RoseAssemblies
        .SelectMany(a => a.GetTypes())
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(IntegrationEvent)) && t.GetCustomAttribute<EventTopicAttribute>() is not null)
        .Select(t => (t, PubSub.Topics.For(t), PubSub.Topics.PubSubFor(t)))];

    /// <summary>Every topic an integration event of a Rose module names.</summary>
    public static IReadOnlyList<string> Topics { get; } = [.. Events.Select(e => e.Topic).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every cron job a Rose module declares (a static <see cref="CronJobDefinition"/> field).</summary>
    public static IReadOnlyList<CronJobDefinition> CronJobs { get; } = [.. RoseAssemblies
        .SelectMany(a => a.GetTypes())
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.FieldType == typeof(CronJobDefinition))
        .Select(f => (CronJobDefinition)f.GetValue(null)!)
        .Distinct()
        .OrderBy(j => j.Name, StringComparer.Ordinal)];

    private static List<Assembly> LoadRoseAssemblies()
    {
        // Every module and workflow assembly next to the tests (referenced by this project), not the tests themselves.
        var folder = AppContext.BaseDirectory;
        return [.. Directory.GetFiles(folder, "Rose.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name is not null && !name.EndsWith(".Tests", StringComparison.Ordinal) && name != "Rose.Testing")
            .Select(name => Assembly.Load(new AssemblyName(name!)))];
    }
}

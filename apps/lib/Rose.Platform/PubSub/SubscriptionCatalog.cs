namespace Rose.Platform.PubSub;

/// <summary>Every handler this app subscribed, checked once: known topics, unique subscriber names.</summary>
public sealed class SubscriptionCatalog
{
    public SubscriptionCatalog(IEnumerable<EventSubscription> subscriptions)
    {
        All = [.. subscriptions];
        foreach (var duplicate in All.GroupBy(s => s.Subscriber).Where(g => g.Count() > 1))
        {
            throw new InvalidOperationException($"Two event handlers share the subscriber name '{duplicate.Key}'; subscriber names must be unique.");
        }
    }

    public IReadOnlyList<EventSubscription> All { get; }

    public IEnumerable<string> Topics => All.Select(s => s.Topic).Distinct();

    public IEnumerable<EventSubscription> ForTopic(string topic) => All.Where(s => s.Topic == topic);

    public EventSubscription? BySubscriber(string subscriber) => All.FirstOrDefault(s => s.Subscriber == subscriber);
}

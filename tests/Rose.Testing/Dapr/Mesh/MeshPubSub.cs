using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// The mesh's broker and the subscriber half of every sidecar, following dapr/dapr
/// <c>pkg/runtime/subscription/subscription.go</c> and <c>postman/http/http.go</c>: each event goes to every
/// consumer group subscribed to its topic (see <see cref="ConsumerIdMode"/>), to one replica per group,
/// as a POST of the CloudEvent with content type <c>application/cloudevents+json</c> to the route picked
/// from the subscription. The answer is read as <see cref="DeliveryResult"/>; retries follow the
/// <see cref="DeliveryRetryPolicy"/>; DROP is logged as a warning and, like exhausted retries, sent to
/// the subscription's dead-letter topic when it has one. Everything is recorded for assertions.
/// </summary>
public sealed class MeshPubSub
{
    private readonly DaprTestMesh mesh;
    private readonly ConcurrentDictionary<string, int> roundRobin = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> running = [];

    internal MeshPubSub(DaprTestMesh mesh) => this.mesh = mesh;

    /// <summary>Every event the broker accepted, dead-letter copies included, in order.</summary>
    public ConcurrentQueue<PublishedEvent> Published { get; } = new();

    public ConcurrentQueue<DeliveryAttempt> Attempts { get; } = new();

    /// <summary>Events sent to a dead-letter topic: (the event, the topic it failed on, the dead-letter topic).</summary>
    public ConcurrentQueue<(PublishedEvent Event, string FailedTopic, string DeadLetterTopic, string AppId)> DeadLettered { get; } = new();

    public ConcurrentQueue<UndeliveredEvent> Undelivered { get; } = new();

    /// <summary>What daprd would log as warnings: DROP answers, expired events, matches the mesh cannot evaluate.</summary>
    public ConcurrentQueue<string> Warnings { get; } = new();

    /// <summary>Attempts for one event id, in order.</summary>
    public IReadOnlyList<DeliveryAttempt> AttemptsFor(string eventId) => [.. Attempts.Where(a => a.EventId == eventId)];

    /// <summary>Waits until every delivery started so far (retries included) has finished.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        // Dead-letter copies start new deliveries while earlier ones finish: wait until none is left running.
        await Eventually.UntilAsync(() => running.All(t => t.IsCompleted), timeout, "the mesh's deliveries to finish");
    }

    internal PublishedEvent Publish(string sourceAppId, string pubSubName, string topic, byte[] data, string? dataContentType, IReadOnlyDictionary<string, string> metadata, string? traceParent, string? traceState)
    {
        var component = mesh.PubSubComponent(pubSubName);
        var envelope = CloudEventEnvelope.Build(sourceAppId, pubSubName, topic, data, dataContentType, metadata, traceParent, traceState, mesh.Clock.GetUtcNow());
        var published = new PublishedEvent(component.Name, topic, sourceAppId, envelope);
        Accept(published, component);
        return published;
    }

    private void Accept(PublishedEvent published, PubSubComponent component)
    {
        Published.Enqueue(published);
        var task = Task.Run(() => FanOutAsync(published, component));
        running.Add(task);
    }

    private async Task FanOutAsync(PublishedEvent published, PubSubComponent component)
    {
        var subscribers = new List<(MeshSidecar Replica, TopicSubscription Subscription)>();
        foreach (var replica in mesh.AllReplicas.Where(r => r.HasApp))
        {
            var subscriptions = await replica.SubscriptionsAsync();
            if (subscriptions.FirstOrDefault(s => s.PubSubName == component.Name && s.Topic == published.Topic) is { } subscription)
            {
                subscribers.Add((replica, subscription));
            }
        }

        var groups = subscribers.GroupBy(s => component.ConsumerId == ConsumerIdMode.PerAppId ? s.Replica.AppId : s.Replica.ReplicaId);
        var deliveries = new List<Task>();
        foreach (var group in groups)
        {
            var members = group.OrderBy(m => m.Replica.ReplicaId, StringComparer.Ordinal).ToList();
            var turn = roundRobin.AddOrUpdate($"{component.Name}/{published.Topic}/{group.Key}", 0, (_, n) => n + 1);
            var (replica, subscription) = members[turn % members.Count];
            deliveries.Add(DeliverAsync(published, component, replica, subscription));
        }

        await Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(PublishedEvent published, PubSubComponent component, MeshSidecar replica, TopicSubscription subscription)
    {
        if (CloudEventEnvelope.IsExpired(published.CloudEvent, mesh.Clock.GetUtcNow()))
        {
            Warnings.Enqueue($"dropping expired pub/sub event {published.Id} on topic {published.Topic}");
            return;
        }

        var route = SubscriptionReader.RouteFor(subscription, published.CloudEvent, Warnings);
        if (route is null)
        {
            Warnings.Enqueue($"no matching route for event {published.Id} in pubsub {component.Name} and topic {published.Topic}; skipping");
            return;
        }

        var policy = mesh.Options.DeliveryRetry;
        var body = Encoding.UTF8.GetBytes(published.CloudEvent.ToJsonString());
        for (var attempt = 1; ; attempt++)
        {
            var (result, status) = await PostAsync(replica, route, published, body);
            Attempts.Enqueue(new DeliveryAttempt(published.Id, component.Name, published.Topic, replica.AppId, replica.ReplicaId, route, attempt, result, status));
            if (result == DeliveryResult.Success)
            {
                return;
            }

            if (result == DeliveryResult.Drop)
            {
                Warnings.Enqueue($"DROP status returned from app while processing pub/sub event {published.Id}");
                await SendToDeadLetterAsync(published, component, subscription, replica.AppId);
                return;
            }

            if ((policy.MaxRetries >= 0 && attempt > policy.MaxRetries) || mesh.Stopping.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(policy.DelayBefore(attempt), mesh.Clock, mesh.Stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (subscription.DeadLetterTopic is null)
        {
            Undelivered.Enqueue(new UndeliveredEvent(published.Id, component.Name, published.Topic, replica.AppId, "retries exhausted and no dead-letter topic"));
            return;
        }

        await SendToDeadLetterAsync(published, component, subscription, replica.AppId);
    }

    /// <summary>subscription.go sendToDeadLetter: the same CloudEvent bytes, published to the dead-letter topic of the same component.</summary>
    private async Task SendToDeadLetterAsync(PublishedEvent published, PubSubComponent component, TopicSubscription subscription, string appId)
    {
        if (subscription.DeadLetterTopic is not { } deadLetterTopic)
        {
            return;
        }

        var copy = new PublishedEvent(component.Name, deadLetterTopic, published.SourceAppId, (JsonObject)published.CloudEvent.DeepClone());
        DeadLettered.Enqueue((copy, published.Topic, deadLetterTopic, appId));
        var hasSubscriber = false;
        foreach (var replica in mesh.AllReplicas.Where(r => r.HasApp))
        {
            hasSubscriber |= (await replica.SubscriptionsAsync()).Any(s => s.PubSubName == component.Name && s.Topic == deadLetterTopic);
        }

        if (!hasSubscriber)
        {
            Undelivered.Enqueue(new UndeliveredEvent(published.Id, component.Name, deadLetterTopic, appId, $"sent to dead-letter topic '{deadLetterTopic}', which nobody subscribes to"));
        }

        Accept(copy, component);
    }

    private async Task<(DeliveryResult, int?)> PostAsync(MeshSidecar replica, string route, PublishedEvent published, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(CloudEventEnvelope.ContentType);
        if (published.CloudEvent["traceparent"]?.GetValue<string>() is { Length: > 0 } traceParent)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        }

        replica.AddAppToken(request);
        HttpResponseMessage response;
        try
        {
            response = await replica.AppChannel.SendAsync(request, mesh.Stopping);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return (DeliveryResult.Retry, null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync();
                return (Classify(text), status);
            }

            return (response.StatusCode == HttpStatusCode.NotFound ? DeliveryResult.Drop : DeliveryResult.Retry, status);
        }
    }

    private static DeliveryResult Classify(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return DeliveryResult.Success;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var status = document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "status", StringComparison.OrdinalIgnoreCase)).Value
                : default;
            var text = status.ValueKind == JsonValueKind.String ? status.GetString() : null;
            return text switch
            {
                null or "" or "SUCCESS" => DeliveryResult.Success,
                "RETRY" => DeliveryResult.Retry,
                "DROP" => DeliveryResult.Drop,
                _ => DeliveryResult.Retry,
            };
        }
        catch (JsonException)
        {
            return DeliveryResult.Success; // "skipping status check due to error parsing result"
        }
    }
}

namespace Rose.Testing.Dapr.Mesh;

/// <summary>A pub/sub component the mesh serves, by its <c>metadata.name</c>, with its consumer-group mode.</summary>
public sealed record PubSubComponent(string Name, ConsumerIdMode ConsumerId = ConsumerIdMode.PerAppId);

namespace Rose.Platform;

/// <summary>Which adapters back the building-block ports (<c>Rose:Runtime</c>).</summary>
public enum PlatformRuntime
{
    /// <summary>Everything in this process: SQLite, a durable outbox, Cronos, a folder, the embedded workflow runner.</summary>
    Embedded,

    /// <summary>A Dapr sidecar next to each app: state store, pub/sub, bindings, invocation, workflows.</summary>
    Dapr,
}

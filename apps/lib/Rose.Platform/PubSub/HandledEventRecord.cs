namespace Rose.Platform.PubSub;

/// <summary>What <see cref="HandledEvents"/> stores for one handled event.</summary>
public sealed record HandledEventRecord(DateTimeOffset HandledAt);

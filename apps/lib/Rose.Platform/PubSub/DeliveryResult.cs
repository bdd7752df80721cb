namespace Rose.Platform.PubSub;

/// <summary>The outcome of one delivery and, when it failed, why.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Error = null)
{
    public static DeliveryResult Success { get; } = new(DeliveryOutcome.Success);
}

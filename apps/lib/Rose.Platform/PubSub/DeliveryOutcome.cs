namespace Rose.Platform.PubSub;

/// <summary>What a delivery attempt came to; the names are the statuses Dapr expects from a topic route.</summary>
public enum DeliveryOutcome
{
    /// <summary>Handled (or handled before): done.</summary>
    Success,

    /// <summary>Can never succeed (malformed, poison): do not deliver again.</summary>
    Drop,

    /// <summary>Failed for now: deliver again later. Ranked worst, so that one retrying subscriber gets the event again.</summary>
    Retry,
}

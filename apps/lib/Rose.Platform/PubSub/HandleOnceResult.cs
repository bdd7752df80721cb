namespace Rose.Platform.PubSub;

/// <summary>What <see cref="HandledEvents.HandleOnceAsync"/> did with one delivery.</summary>
public enum HandleOnceResult
{
    /// <summary>This delivery claimed the event and the handler ran to completion.</summary>
    Handled,

    /// <summary>The subscriber handled this event before: nothing ran.</summary>
    AlreadyHandled,

    /// <summary>Another delivery holds the claim and may still fail: deliver again later, nothing ran.</summary>
    InProgressElsewhere,
}

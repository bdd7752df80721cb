namespace Rose.Platform.PubSub;

/// <summary>
/// What <see cref="HandledEvents"/> stores for one event and subscriber: either a claim (a delivery
/// is running the handler now, <see cref="ClaimToken"/> says which) or the fact that it was handled.
/// Records written before claims existed carry only <see cref="HandledAt"/>, and still read as handled.
/// </summary>
public sealed record HandledEventRecord(DateTimeOffset? HandledAt, Guid? ClaimToken = null, DateTimeOffset? ClaimedAt = null)
{
    public bool IsHandled => HandledAt is not null;
}

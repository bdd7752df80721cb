namespace Rose.Llm.Accounting;

/// <summary>Tokens one call holds against its tenant's budget until it settles; <see cref="Key"/> is null for an unlimited tenant.</summary>
public sealed record TokenReservation(string? Key, long Tokens)
{
    public static TokenReservation Unlimited { get; } = new(null, 0);
}

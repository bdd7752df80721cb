namespace Rose.Tagging.Api;

/// <summary>
/// Which leads a list shows: a minimum score (0–100), one intent label, a period of last activity
/// ([<paramref name="From"/>, <paramref name="To"/>), UTC) and whether an e-mail was left. Null: any.
/// </summary>
public sealed record LeadFilter(int? MinScore = null, string? Intent = null, DateTimeOffset? From = null, DateTimeOffset? To = null, bool? HasEmail = null)
{
    public static LeadFilter Any { get; } = new();
}

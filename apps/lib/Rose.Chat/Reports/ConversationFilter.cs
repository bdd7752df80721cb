namespace Rose.Chat.Reports;

/// <summary>
/// Which conversations a marketer wants to see: active in a date range, answered or not, with an
/// e-mail left or not, from a company or a page, or with a message containing some words. Every
/// criterion left null does not filter. <see cref="After"/> is the cursor of the previous page.
/// </summary>
public sealed record ConversationFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool? Answered = null,
    bool? Email = null,
    string? Company = null,
    string? Origin = null,
    string? Text = null,
    string? After = null,
    int Limit = ConversationFilter.DefaultLimit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

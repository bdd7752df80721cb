namespace Rose.Chat.Reports;

/// <summary>One page of the conversation list; <see cref="Next"/> is the cursor of the following page, null on the last one.</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, string? Next);

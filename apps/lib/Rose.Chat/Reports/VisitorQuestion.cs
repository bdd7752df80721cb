namespace Rose.Chat.Reports;

/// <summary>
/// One message a visitor wrote, as GEO collects them: which conversation it belongs to, when it was
/// sent, and the names the visitor left in that conversation (the lead form), so that a reader can
/// take them out of the text.
/// </summary>
public sealed record VisitorQuestion(string ConversationId, string MessageId, string Text, DateTimeOffset AskedAt, IReadOnlyList<string> VisitorNames);

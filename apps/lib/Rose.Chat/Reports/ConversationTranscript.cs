namespace Rose.Chat.Reports;

/// <summary>A conversation as the backoffice shows it: where it came from, who the visitor was, every message.</summary>
public sealed record ConversationTranscript(ConversationSummary Summary, IReadOnlyList<TranscriptMessage> Messages, IReadOnlyList<string> LeadEmails);

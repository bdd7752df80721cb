namespace Rose.Tagging.Api;

/// <summary>A company with its conversations (oldest first: the score history) and the e-mail addresses its visitors left.</summary>
public sealed record CompanyDetails(CompanySummary Company, IReadOnlyList<CompanyConversation> Conversations, IReadOnlyList<string> Contacts);

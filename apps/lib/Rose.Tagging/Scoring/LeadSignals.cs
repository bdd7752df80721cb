using Rose.Enrichment.Identification;
using Rose.Tagging.Classification;

namespace Rose.Tagging.Scoring;

/// <summary>Everything a score is computed from, gathered by the tagger.</summary>
/// <param name="Email">The e-mail the visitor left in this conversation, if any.</param>
/// <param name="Company">Who the visitor works for, when identified.</param>
/// <param name="PreviousConversations">Earlier conversations of the same visitor.</param>
/// <param name="HostingNetwork">The visitor's address belongs to a hosting or VPN network.</param>
public sealed record LeadSignals(
    ConversationTags Tags,
    ConversationTranscript Transcript,
    string? Email,
    CompanyIdentification? Company,
    int PreviousConversations,
    bool HostingNetwork,
    DateTimeOffset LastActivityAt);

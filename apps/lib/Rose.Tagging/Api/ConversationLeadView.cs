namespace Rose.Tagging.Api;

/// <summary>A conversation as a lead: its tags, its score with the reasons, its company.</summary>
public sealed record ConversationLeadView(
    string ConversationId,
    string Intent,
    string Stage,
    IReadOnlyList<TagView> Tags,
    ScoreView Score,
    CompanyMatchView? Company,
    string Classifier,
    string LabelSetVersion,
    DateTimeOffset LastActivityAt,
    DateTimeOffset TaggedAt);

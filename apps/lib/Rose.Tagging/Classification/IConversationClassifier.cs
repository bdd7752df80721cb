using Rose.Tagging.Labels;

namespace Rose.Tagging.Classification;

/// <summary>Tags a conversation with the labels of a set.</summary>
public interface IConversationClassifier
{
    Task<ConversationTags> ClassifyAsync(string tenantId, ConversationTranscript transcript, LabelSet labels, CancellationToken cancellationToken);
}

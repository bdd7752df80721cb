namespace Rose.Tagging;

/// <summary>What <see cref="ConversationTagger.TagAsync"/> did.</summary>
public enum TaggingOutcome
{
    /// <summary>Tags and score were stored.</summary>
    Tagged,

    /// <summary>Already tagged with this label set (a redelivery, or another replica was first): nothing changed.</summary>
    Unchanged,

    /// <summary>No such conversation for this tenant, or it has no message yet.</summary>
    NotFound,
}

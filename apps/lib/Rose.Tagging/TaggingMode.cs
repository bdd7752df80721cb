namespace Rose.Tagging;

/// <summary>How much of a conversation's tagging to redo.</summary>
public enum TaggingMode
{
    /// <summary>Tag unless it is tagged already with this label set and as many messages (events, the retag job).</summary>
    IfChanged,

    /// <summary>Classify and score again whatever is stored (staff asked for it).</summary>
    Retag,

    /// <summary>Keep the stored tags, compute the score again (decay with time).</summary>
    Rescore,
}

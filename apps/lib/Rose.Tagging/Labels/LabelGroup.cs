namespace Rose.Tagging.Labels;

/// <summary>What a label says about a conversation. On the wire: lowercase (<c>intent</c>, <c>stage</c>…).</summary>
public enum LabelGroup
{
    Intent,
    Stage,
    Sentiment,
    Language,
    Topic,
    Spam,
}

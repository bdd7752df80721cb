namespace Rose.Tagging.Classification;

/// <summary>One message of a conversation as the classifiers read it: who wrote it, the text, the titles it cited.</summary>
public sealed record TranscriptMessage(string Role, string Text, IReadOnlyList<string> CitedTitles)
{
    public const string Visitor = "visitor";

    public bool IsVisitor => Role == Visitor;
}

namespace Rose.Geo.Tests.Support;

/// <summary>A visitor conversation to seed: its messages, and the name the visitor left in the lead form, if any.</summary>
public sealed record VisitorQuestionSeed(IReadOnlyList<string> Messages, string? LeadName = null)
{
    public VisitorQuestionSeed(string message, string? leadName = null)
        : this([message], leadName)
    {
    }
}

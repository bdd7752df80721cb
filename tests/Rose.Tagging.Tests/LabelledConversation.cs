using System.Text.Json;
using Rose.Tagging.Classification;

namespace Rose.Tagging.Tests;

/// <summary>One conversation of the labelled set (Data/labelled-conversations.json), with the labels a person gave it.</summary>
public sealed record LabelledConversation(string Id, string Intent, string Stage, string? Language, bool Spam, IReadOnlyList<string> Visitor)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<LabelledConversation> All { get; } =
        JsonSerializer.Deserialize<List<LabelledConversation>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "labelled-conversations.json")), Json)!;

    /// <summary>The visitor's messages, each followed by a neutral agent reply (the classifier must judge the visitor's words).</summary>
    public ConversationTranscript Transcript() => new([.. Visitor.SelectMany(text => new[]
    {
        new TranscriptMessage(TranscriptMessage.Visitor, text, []),
        new TranscriptMessage("assistant", "Here is what our documentation says about pricing, demos, security and integrations.", ["Pricing"]),
    })]);
}

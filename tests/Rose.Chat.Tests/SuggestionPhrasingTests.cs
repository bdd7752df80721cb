using Rose.Chat.Suggestions;
using Rose.Knowledge.Retrieval;
using Xunit;

namespace Rose.Chat.Tests;

/// <summary>Offline follow-up suggestions read as a person would write them, in the visitor's language.</summary>
public sealed class SuggestionPhrasingTests
{
    [Theory]
    [InlineData("Can I change my plan?", "en", "Can I change my plan?")]
    [InlineData("How do I configure the demo tenant", "en", "How do I configure the demo tenant?")]
    [InlineData("Custom event goals", "en", "Tell me about custom event goals")]
    [InlineData("Google Analytics import", "en", "Tell me about Google Analytics import")]
    [InlineData("API keys", "en", "Tell me about API keys")]
    [InlineData("WordPress", "en", "Tell me about WordPress")]
    [InlineData("Tarifs et abonnements", "fr", "Parlez-moi de tarifs et abonnements")]
    [InlineData("Comment changer d'offre", "fr", "Comment changer d'offre?")]
    [InlineData("Passwort ändern", "de", "Erzählen Sie mir mehr über Passwort ändern")]
    public void A_heading_becomes_the_question_a_visitor_would_ask(string heading, string language, string expected) =>
        Assert.Equal(expected, SuggestionPhrasing.Phrase([heading], "Docs", language));

    [Fact]
    public void A_heading_that_needs_its_parent_takes_it_along() =>
        Assert.Equal("Tell me about running Acme Rocket with Dapr", SuggestionPhrasing.Phrase(["Running Acme Rocket", "With Dapr"], "Run", "en"));

    [Fact]
    public void Suggestions_never_repeat_what_was_just_answered_nor_paste_the_question_into_a_template()
    {
        RetrievedPassage[] passages =
        [
            Passage("c1", "Install", "How do I configure the demo tenant?"),
            Passage("c2", "Install", "Run with Dapr"),
            Passage("c3", "Billing", "Can I change my plan?"),
            Passage("c4", "Install", "Custom domains"),
        ];

        var suggestions = SuggestionBuilder.Offline("How do I configure the demo tenant?", passages, new HashSet<string> { "c2" }, "en");

        Assert.Equal(["Can I change my plan?", "Tell me about custom domains"], suggestions);
        Assert.DoesNotContain(suggestions, s => s.Contains("Tell me more about How", StringComparison.Ordinal));
    }

    [Fact]
    public void Suggestions_are_in_the_visitors_language()
    {
        RetrievedPassage[] passages = [Passage("c1", "Offres", "Tarifs et abonnements"), Passage("c2", "Offres", "Changer d'offre")];

        var suggestions = SuggestionBuilder.Offline("Combien coûte Rose ?", passages, new HashSet<string>(), "fr");

        Assert.Equal(["Parlez-moi de tarifs et abonnements", "Parlez-moi de changer d'offre"], suggestions);
    }

    private static RetrievedPassage Passage(string chunk, string title, string heading) =>
        new("t:d", chunk, "Some text.", [heading], title, null, null, 1f);
}

using Microsoft.Extensions.Options;
using Rose.Llm.Composer;
using Rose.Llm.Configuration;
using Rose.Llm.Tests.Support;
using Xunit;

namespace Rose.Llm.Tests;

/// <summary>The composer with the real MiniLM model on the small fixtures in Fixtures/.</summary>
public sealed class OfflineAnswerComposerTests
{
    private readonly OfflineAnswerComposer composer = new(SharedEmbedder.Instance, Options.Create(new LlmOptions()));
    private readonly IReadOnlyList<GroundingPassage> english = Fixtures.Passages("acme-en");

    [Theory]
    [InlineData("How much does the Pro plan cost?", "acme:pricing", "49 euros")]
    [InlineData("Where is my data hosted?", "acme:security", "Frankfurt")]
    [InlineData("Do you integrate with HubSpot?", "acme:integrations", "HubSpot")]
    [InlineData("When can I reach your support team?", "acme:support", "Monday to Friday")]
    [InlineData("Is there a free trial?", "acme:pricing", "14-day free trial")]
    public async Task ComposeAsync_cites_the_passage_that_contains_the_answer(string question, string document, string expected)
    {
        var answer = await composer.ComposeAsync(question, english, CancellationToken.None);

        Assert.False(answer.Declined, $"declined with confidence {answer.Confidence:0.00}");
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        var citation = answer.Citations.First(c => c.Passage.DocumentId == document);
        Assert.Contains($"[{citation.Number}]", answer.Text, StringComparison.Ordinal);
        Assert.Equal(1, answer.Citations.Min(c => c.Number));
    }

    [Theory]
    [InlineData("Can I order a pizza with extra cheese?")]
    [InlineData("Who won the football world cup in 1998?")]
    [InlineData("What is the recipe for chocolate cake?")]
    [InlineData("Do you have a mobile app for iOS?")]
    public async Task ComposeAsync_declines_when_nothing_relevant_was_retrieved(string question)
    {
        var answer = await composer.ComposeAsync(question, english, CancellationToken.None);

        Assert.True(answer.Declined, $"answered '{answer.Text}' with confidence {answer.Confidence:0.00}");
        Assert.Empty(answer.Citations);
        Assert.Contains("don't know", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_declines_when_no_passage_was_retrieved()
    {
        var answer = await composer.ComposeAsync("How much does the Pro plan cost?", [], CancellationToken.None);

        Assert.True(answer.Declined);
        Assert.Equal(0, answer.Confidence);
    }

    [Fact]
    public async Task ComposeAsync_keeps_the_answer_short()
    {
        var answer = await composer.ComposeAsync("What plans do you offer and what do they cost?", english, CancellationToken.None);

        Assert.False(answer.Declined);
        Assert.True(answer.Text.Length <= new OfflineComposerOptions().MaxCharacters + 20, answer.Text);
        Assert.DoesNotContain("video tutorials", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Combien coûte l'offre Pro ?", "acme:tarifs", "49 euros")]
    [InlineData("Où sont hébergées mes données ?", "acme:hebergement", "Francfort")]
    public async Task ComposeAsync_answers_in_french_from_french_passages(string question, string document, string expected)
    {
        var answer = await composer.ComposeAsync(question, Fixtures.Passages("acme-fr"), CancellationToken.None);

        Assert.False(answer.Declined, $"declined with confidence {answer.Confidence:0.00}");
        Assert.Equal("fr", answer.Language);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Equal(document, answer.Citations[0].Passage.DocumentId);
    }

    [Theory]
    [InlineData("Quelle est la recette de la tarte aux pommes ?")]
    [InlineData("Qui a gagné la coupe du monde ?")]
    [InlineData("Avez-vous une application mobile ?")]
    public async Task ComposeAsync_declines_in_the_language_of_the_question(string question)
    {
        var answer = await composer.ComposeAsync(question, Fixtures.Passages("acme-fr"), CancellationToken.None);

        Assert.True(answer.Declined, answer.Text);
        Assert.Equal("fr", answer.Language);
        Assert.Contains("équipe", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_streams_the_composed_answer_word_by_word()
    {
        var whole = await composer.ComposeAsync("Where is my data hosted?", english, CancellationToken.None);

        var deltas = await composer.StreamAsync("Where is my data hosted?", english, CancellationToken.None).ToListAsync();

        Assert.True(deltas.Count > 3);
        Assert.Equal(whole.Text, string.Concat(deltas));
    }
}

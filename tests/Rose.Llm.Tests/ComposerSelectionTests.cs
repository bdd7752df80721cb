using Microsoft.Extensions.Options;
using Rose.Llm.Composer;
using Rose.Llm.Configuration;
using Rose.Llm.Tests.Support;
using Xunit;

namespace Rose.Llm.Tests;

/// <summary>The composer's selection rules, with an embedder whose similarities are known in advance.</summary>
public sealed class ComposerSelectionTests
{
    private const string Question = "pricing plans";
    private const string Weaker = "Pricing depends on plans and annual billing.";
    private const string Stronger = "Pricing plans, pricing plans, monthly.";
    private const string Unrelated = "The weather is nice today okay.";

    private readonly OfflineAnswerComposer composer = new(
        new KeywordEmbedder("pricing", "plans", "annual", "monthly", "weather"),
        Options.Create(new LlmOptions()));

    [Fact]
    public async Task ComposeAsync_keeps_the_passages_order_rather_than_the_score_order()
    {
        var answer = await composer.ComposeAsync(Question, [Passage(null, $"{Weaker} {Unrelated} {Stronger}")], CancellationToken.None);

        Assert.Equal($"{Weaker} {Stronger[..^1]} [1].", answer.Text);
    }

    [Fact]
    public async Task ComposeAsync_drops_a_sentence_that_repeats_one_already_kept()
    {
        var answer = await composer.ComposeAsync(Question, [Passage(null, $"{Stronger} Pricing plans; pricing plans; monthly!")], CancellationToken.None);

        Assert.Equal($"{Stronger[..^1]} [1].", answer.Text);
    }

    [Fact]
    public async Task ComposeAsync_numbers_citations_by_first_use_and_skips_irrelevant_passages()
    {
        var answer = await composer.ComposeAsync(
            Question,
            [Passage(null, Unrelated, "weather"), Passage(null, Weaker, "a"), Passage(null, Stronger, "b")],
            CancellationToken.None);

        Assert.Equal([1, 2], answer.Citations.Select(c => c.Number));
        Assert.Equal(["a", "b"], answer.Citations.Select(c => c.Passage.ChunkId));
        Assert.Equal($"{Weaker[..^1]} [1]. {Stronger[..^1]} [2].", answer.Text);
    }

    [Fact]
    public async Task ComposeAsync_uses_the_numbers_the_chat_already_gave_the_passages()
    {
        var answer = await composer.ComposeAsync(Question, [Passage(7, Stronger)], CancellationToken.None);

        Assert.Equal(7, Assert.Single(answer.Citations).Number);
        Assert.EndsWith("[7].", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_declines_and_cites_nothing_when_no_sentence_is_relevant()
    {
        var answer = await composer.ComposeAsync(Question, [Passage(null, Unrelated)], CancellationToken.None);

        Assert.True(answer.Declined);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task ComposeAsync_gives_passages_of_one_page_one_number()
    {
        var answer = await composer.ComposeAsync(
            Question,
            [Passage(null, Weaker, "a") with { Url = "https://acme.test/pricing" }, Passage(null, Stronger, "b") with { Url = "https://acme.test/pricing" }],
            CancellationToken.None);

        var citation = Assert.Single(answer.Citations);
        Assert.Equal(1, citation.Number);
        Assert.Equal("a", citation.Passage.ChunkId);
        Assert.Equal($"{Weaker} {Stronger[..^1]} [1].", answer.Text);
    }

    private static GroundingPassage Passage(int? number, string text, string chunk = "c") =>
        new(number, "acme:doc", chunk, "Doc", null, text, 1);
}

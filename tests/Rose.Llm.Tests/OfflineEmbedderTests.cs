using System.Numerics.Tensors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Llm.Embeddings;
using Xunit;

namespace Rose.Llm.Tests;

/// <summary>The offline embedders on their real ONNX models, and the setting that chooses one.</summary>
public sealed class OfflineEmbedderTests
{
    private static readonly Lazy<ArcticXsTextEmbedder> Arctic = new(() => new ArcticXsTextEmbedder());

    [Theory]
    [InlineData(null, OfflineEmbedder.MiniLm)]
    [InlineData("", OfflineEmbedder.MiniLm)]
    [InlineData("MiniLm", OfflineEmbedder.MiniLm)]
    [InlineData("arcticxs", OfflineEmbedder.ArcticXs)]
    [InlineData(" ArcticXs ", OfflineEmbedder.ArcticXs)]
    public void The_setting_chooses_the_offline_embedder(string? value, OfflineEmbedder expected) =>
        Assert.Equal(expected, OfflineEmbedders.Configured(Configuration(value)));

    [Theory]
    [InlineData("bert")]
    [InlineData("2")]
    public void An_unknown_embedder_fails_at_composition_naming_the_setting_and_the_choices(string value)
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddRoseLlm(Configuration(value)));

        Assert.Contains(OfflineEmbedders.ConfigurationKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("MiniLm, ArcticXs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRoseLlm_registers_the_configured_offline_embedder()
    {
        using var provider = new ServiceCollection().AddRoseLlm(Configuration("ArcticXs")).BuildServiceProvider();

        var embedder = provider.GetRequiredService<ITextEmbedder>();

        Assert.IsType<ArcticXsTextEmbedder>(embedder);
        Assert.Equal("snowflake-arctic-embed-xs", embedder.Model);
        Assert.Equal(384, embedder.Dimensions);
    }

    [Fact]
    public async Task ArcticXs_embeds_queries_with_its_instruction_and_passages_without()
    {
        var embedder = Arctic.Value;
        const string text = "How do I cancel my subscription?";

        var passage = (await embedder.EmbedAsync([text], CancellationToken.None))[0];
        var query = (await embedder.EmbedQueriesAsync([text], CancellationToken.None))[0];
        var instructed = (await embedder.EmbedAsync([ArcticXsTextEmbedder.QueryInstruction + text], CancellationToken.None))[0];

        Assert.Equal(384, query.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(query), 3);
        Assert.True(TensorPrimitives.Dot(query, passage) < 0.99f, "the query vector carries the instruction");
        Assert.Equal(1f, TensorPrimitives.Dot(query, instructed), 3);
    }

    [Fact]
    public async Task ArcticXs_ranks_the_passage_that_answers_above_one_that_does_not()
    {
        var embedder = Arctic.Value;
        var passages = await embedder.EmbedAsync(
        [
            "To cancel your subscription, open Billing in the account settings and choose Cancel plan.",
            "The dashboard shows the top pages, referrers and countries of your visitors.",
        ], CancellationToken.None);

        var query = (await embedder.EmbedQueriesAsync(["How do I stop paying for my plan?"], CancellationToken.None))[0];

        Assert.True(TensorPrimitives.Dot(query, passages[0]) > TensorPrimitives.Dot(query, passages[1]));
    }

    [Fact]
    public async Task MiniLm_embeds_a_query_as_any_other_text()
    {
        using var embedder = new MiniLmTextEmbedder();
        const string text = "How do I cancel my subscription?";

        var passage = (await embedder.EmbedAsync([text], CancellationToken.None))[0];
        var query = (await embedder.EmbedQueriesAsync([text], CancellationToken.None))[0];

        Assert.Equal(1f, TensorPrimitives.Dot(query, passage), 4);
    }

    [Fact]
    public async Task Batches_come_back_in_input_order_whatever_their_lengths()
    {
        var embedder = Arctic.Value;
        string[] texts = ["a much longer text about billing, invoices, plans and the cancellation of subscriptions", "short", "a medium text about goals"];

        var together = await embedder.EmbedAsync(texts, CancellationToken.None);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = (await embedder.EmbedAsync([texts[i]], CancellationToken.None))[0];
            Assert.Equal(1f, TensorPrimitives.Dot(alone, together[i]), 3);
        }
    }

    private static IConfiguration Configuration(string? embedder) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [OfflineEmbedders.ConfigurationKey] = embedder }).Build();
}

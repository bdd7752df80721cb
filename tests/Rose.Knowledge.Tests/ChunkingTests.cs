using Microsoft.Extensions.Options;
using Rose.Knowledge.Chunking;
using Rose.Knowledge.Parsing;
using Xunit;

namespace Rose.Knowledge.Tests;

public sealed class ChunkingTests
{
    private static readonly WordPieceTokenCounter Tokens = WordPieceTokenCounter.MiniLm;

    [Fact]
    public void Count_splits_unknown_words_into_word_pieces()
    {
        Assert.Equal(1, Tokens.Count("the"));
        Assert.Equal(3, Tokens.Count("unaffable"));
        Assert.Equal(4, Tokens.Count("Hello, world!"));
        Assert.Equal(1, Tokens.Count("café"));
    }

    [Fact]
    public void Chunk_keeps_every_chunk_within_the_token_budget_including_its_heading_path()
    {
        var sentence = "Rose answers visitor questions from the tenant's own documentation with citations. ";
        var document = new ParsedDocument("Guide", [
            new ContentBlock(BlockKind.Heading, "Install", 1),
            new ContentBlock(BlockKind.Heading, "On Kubernetes", 2),
            new ContentBlock(BlockKind.Paragraph, string.Concat(Enumerable.Repeat(sentence, 60))),
        ]);

        var chunks = Chunker(maxTokens: 128, overlap: 16).Chunk(document);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c =>
        {
            Assert.Equal(["Install", "On Kubernetes"], c.HeadingPath);
            Assert.True(Tokens.Count(c.EmbeddingInput("Guide")) + 2 <= 128, $"{Tokens.Count(c.EmbeddingInput("Guide"))} tokens");
        });
    }

    [Fact]
    public void Chunk_overlaps_consecutive_pieces_of_a_split_section()
    {
        var sentences = Enumerable.Range(1, 40).Select(i => $"Sentence number {i} explains one step of the setup.").ToList();
        var document = new ParsedDocument("Guide", [new ContentBlock(BlockKind.Paragraph, string.Join(" ", sentences))]);

        var chunks = Chunker(maxTokens: 96, overlap: 24).Chunk(document);

        Assert.True(chunks.Count >= 3);
        for (var i = 1; i < chunks.Count; i++)
        {
            var previousLast = chunks[i - 1].Text.Split('\n')[^1];
            Assert.Contains(previousLast, chunks[i].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Chunk_does_not_cross_headings_and_keeps_a_list_whole()
    {
        var document = new ParsedDocument("Guide", [
            new ContentBlock(BlockKind.Heading, "Pricing", 2),
            new ContentBlock(BlockKind.Paragraph, "Two plans exist."),
            new ContentBlock(BlockKind.List, "- Starter: 49 euros\n- Classroom: 390 euros"),
            new ContentBlock(BlockKind.Heading, "Safety", 2),
            new ContentBlock(BlockKind.Paragraph, "Launch outdoors."),
        ]);

        var chunks = Chunker().Chunk(document);

        Assert.Equal(2, chunks.Count);
        Assert.Equal("Two plans exist.\n- Starter: 49 euros\n- Classroom: 390 euros", chunks[0].Text);
        Assert.Equal(["Safety"], chunks[1].HeadingPath);
    }

    [Fact]
    public void Chunk_makes_one_chunk_per_faq_entry()
    {
        var document = new ParsedDocument("FAQ", [
            new ContentBlock(BlockKind.Faq, "Do you ship abroad?\nYes."),
            new ContentBlock(BlockKind.Faq, "Can I pay by invoice?\nYes, schools can."),
        ]);

        Assert.Equal(2, Chunker().Chunk(document).Count);
    }

    private static StructureAwareChunker Chunker(int maxTokens = 256, int overlap = 32) =>
        new(Tokens, Options.Create(new ChunkingOptions { MaxTokens = maxTokens, OverlapTokens = overlap }));
}

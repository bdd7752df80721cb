using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Parsing;

namespace Rose.Knowledge.Chunking;

/// <summary>
/// Cuts a parsed document into chunks that follow its structure: a chunk never spans two
/// sections (headings start a new one), whole blocks (list, table, code, paragraph) are kept
/// together while they fit, and only a block larger than the budget is split, at sentence or
/// line boundaries, with overlap. Budgets are in the encoder's word pieces and include the
/// heading path that is embedded with the text. FAQ entries are always one chunk each.
/// </summary>
public sealed partial class StructureAwareChunker(ITokenCounter tokenCounter, IOptions<ChunkingOptions> chunkingOptions)
{
    private readonly ITokenCounter tokens = tokenCounter;
    private readonly IOptions<ChunkingOptions> options = chunkingOptions;
    private const int MinimumTextBudget = 48;

    public IReadOnlyList<ChunkDraft> Chunk(ParsedDocument document)
    {
        var state = new State(this, document.Title);
        foreach (var block in document.Blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    state.Flush();
                    state.EnterHeading(block.HeadingLevel, block.Text);
                    break;
                case BlockKind.Faq:
                    state.Flush();
                    state.Emit(block.Text, block.Page, tokens.Count(block.Text));
                    break;
                default:
                    state.Add(block);
                    break;
            }
        }

        state.Flush();
        return state.Chunks;
    }

    private IEnumerable<string> SplitUnits(ContentBlock block) =>
        block.Kind is BlockKind.Code or BlockKind.List or BlockKind.Table
            ? block.Text.Split('\n').Where(l => l.Trim().Length > 0)
            : SentenceEnd().Split(block.Text).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[.!?;:])\s+")]
    private static partial Regex SentenceEnd();

    private sealed class State(StructureAwareChunker owner, string title)
    {
        private readonly List<(int Level, string Text)> headings = [];
        private readonly List<(string Text, int Tokens)> units = [];
        private int budget = owner.TextBudget(title, []);
        private int used;
        private int? page;

        public List<ChunkDraft> Chunks { get; } = [];

        public void EnterHeading(int level, string text)
        {
            headings.RemoveAll(h => h.Level >= level);
            headings.Add((level, text));
            budget = owner.TextBudget(title, Path());
        }

        public void Add(ContentBlock block)
        {
            // A new page starts a new chunk, so that a citation's page number is exact.
            if (block.Page is not null && page is not null && block.Page != page)
            {
                Flush();
            }

            var count = owner.tokens.Count(block.Text);
            if (used + count <= budget)
            {
                Append(block.Text, count, block.Page);
                return;
            }

            if (count <= budget)
            {
                FlushWithOverlap();
                if (used + count > budget)
                {
                    Flush();
                }

                Append(block.Text, count, block.Page);
                return;
            }

            // Larger than a whole chunk: split at sentences (or lines for lists, tables, code).
            foreach (var unit in owner.SplitUnits(block).SelectMany(SplitLongUnit))
            {
                var unitTokens = owner.tokens.Count(unit);
                if (used + unitTokens > budget)
                {
                    FlushWithOverlap();
                    if (used + unitTokens > budget)
                    {
                        Flush();
                    }
                }

                Append(unit, unitTokens, block.Page);
            }
        }

        public void Emit(string text, int? atPage, int count)
        {
            Chunks.Add(new ChunkDraft(Chunks.Count, text, Path(), atPage, count));
        }

        public void Flush()
        {
            if (units.Count > 0)
            {
                var separator = units.Count > 1 ? "\n" : string.Empty;
                Emit(string.Join(separator, units.Select(u => u.Text)), page, used);
            }

            units.Clear();
            used = 0;
            page = null;
        }

        private void FlushWithOverlap()
        {
            var overlap = owner.options.Value.OverlapTokens;
            var carried = new List<(string Text, int Tokens)>();
            var carriedTokens = 0;
            for (var i = units.Count - 1; i > 0 && carriedTokens + units[i].Tokens <= overlap; i--)
            {
                carried.Insert(0, units[i]);
                carriedTokens += units[i].Tokens;
            }

            var carriedPage = page;
            Flush();
            if (carried.Count > 0)
            {
                units.AddRange(carried);
                used = carriedTokens;
                page = carriedPage;
            }
        }

        private void Append(string text, int count, int? atPage)
        {
            units.Add((text, count));
            used += count;
            page ??= atPage;
        }

        private IEnumerable<string> SplitLongUnit(string unit)
        {
            if (owner.tokens.Count(unit) <= budget)
            {
                yield return unit;
                yield break;
            }

            // A single sentence longer than a chunk: cut it by words.
            var piece = new StringBuilder();
            var pieceTokens = 0;
            foreach (var word in unit.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordTokens = owner.tokens.Count(word);
                if (pieceTokens + wordTokens > budget && piece.Length > 0)
                {
                    yield return piece.ToString();
                    piece.Clear();
                    pieceTokens = 0;
                }

                piece.Append(piece.Length > 0 ? " " : string.Empty).Append(word);
                pieceTokens += wordTokens;
            }

            if (piece.Length > 0)
            {
                yield return piece.ToString();
            }
        }

        private List<string> Path() => headings.Select(h => h.Text).ToList();
    }

    private int TextBudget(string title, IReadOnlyList<string> headingPath)
    {
        // [CLS] and [SEP] plus the prefix and its line break are part of the encoder's window.
        var prefix = tokens.Count(EmbeddingInputs.Prefix(title, headingPath));
        return Math.Max(MinimumTextBudget, options.Value.MaxTokens - 2 - prefix - 1);
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// BM25 over one tenant's chunks with Lucene.Net, in memory. Every text is indexed twice, with
/// the English (Porter) and the French (light stemmer, elisions) analyzers, and queried on both,
/// so "pricing"/"prices" and "tarifs"/"tarif" meet. Titles and headings are separate, boosted
/// fields: people often ask exactly what a heading says. Rebuilt, never updated in place: a
/// snapshot is immutable, so a search never sees a half-replaced document.
/// </summary>
public sealed class KeywordIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string OrdinalField = "ordinal";

    /// <summary>Terms taken from a query per field: four fields stay well under Lucene's 1,024-clause limit.</summary>
    private const int MaxQueryTerms = 128;
    private static readonly (string Field, float Boost, bool French)[] QueryFields =
    [
        ("body_en", 1f, false), ("body_fr", 0.6f, true), ("head_en", 1f, false), ("head_fr", 0.6f, true), ("section_en", 2f, false), ("section_fr", 1.2f, true),
    ];

    /// <summary>
    /// The question's words in their order in the chunk's own heading (a few words apart at most):
    /// a heading that says what was asked beats one that merely shares its words, e.g. "What's
    /// next?" sections over a "Next.js" page.
    /// </summary>
    private const string PhraseField = "section_en";
    private const int PhraseSlop = 2;
    private const float PhraseBoost = 2f;

    private readonly Analyzer analyzer;
    private readonly QueryBuilder phrases;
    private readonly RAMDirectory directory;
    private readonly DirectoryReader? reader;
    private readonly IndexSearcher? searcher;
    private readonly NumericDocValues? ordinals;

    public KeywordIndex(IReadOnlyList<IndexedChunk> chunks)
    {
        analyzer = CreateAnalyzer();
        phrases = new QueryBuilder(analyzer);
        directory = new RAMDirectory();
        if (chunks.Count == 0)
        {
            return;
        }

        var config = new IndexWriterConfig(Version, analyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                var chunk = chunks[i];
                var heading = string.Join(" ", chunk.HeadingPath.Prepend(chunk.Title));
                // The chunk's own section heading, apart: visitors often ask what a heading says.
                var section = chunk.HeadingPath.Count > 0 ? chunk.HeadingPath[^1] : chunk.Title;
                writer.AddDocument(
                [
                    new NumericDocValuesField(OrdinalField, i),
                    new TextField("body_en", chunk.Text, Field.Store.NO),
                    new TextField("body_fr", chunk.Text, Field.Store.NO),
                    new TextField("head_en", heading, Field.Store.NO),
                    new TextField("head_fr", heading, Field.Store.NO),
                    new TextField("section_en", section, Field.Store.NO),
                    new TextField("section_fr", section, Field.Store.NO),
                ]);
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        ordinals = MultiDocValues.GetNumericValues(reader, OrdinalField);
    }

    public ScoredOrdinal[] Search(string query, int k)
    {
        if (searcher is null || k <= 0)
        {
            return [];
        }

        // One analysis per language, not per field: the fields of a language share its analyzer.
        var english = Terms("body_en", query);
        var french = Terms("body_fr", query);
        var boolean = new BooleanQuery();
        foreach (var (field, boost, isFrench) in QueryFields)
        {
            foreach (var term in (isFrench ? french : english).Take(MaxQueryTerms))
            {
                boolean.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
            }
        }

        if (english.Count > 1 && english.Count <= MaxQueryTerms && phrases.CreatePhraseQuery(PhraseField, query, PhraseSlop) is PhraseQuery phrase)
        {
            phrase.Boost = PhraseBoost;
            boolean.Add(phrase, Occur.SHOULD);
        }

        if (boolean.Clauses.Count == 0)
        {
            return [];
        }

        var hits = searcher.Search(boolean, k).ScoreDocs;
        var result = new ScoredOrdinal[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            result[i] = new ScoredOrdinal((int)ordinals!.Get(hits[i].Doc), hits[i].Score);
        }

        return result;
    }

    public void Dispose()
    {
        reader?.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }

    private HashSet<string> Terms(string field, string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static PerFieldAnalyzerWrapper CreateAnalyzer() =>
        new(new EnglishAnalyzer(Version), new Dictionary<string, Analyzer>
        {
            ["body_fr"] = new FrenchAnalyzer(Version),
            ["head_fr"] = new FrenchAnalyzer(Version),
            ["section_fr"] = new FrenchAnalyzer(Version),
        });
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Pt;
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
/// BM25 over one tenant's chunks with Lucene.Net, in memory. Each document is analysed in its own
/// language (<see cref="DocumentLanguage"/>: English, French, German, Spanish, Italian, Dutch or
/// Portuguese), so "pricing"/"prices", "tarifs"/"tarif" and "Passwörter"/"Passwort" meet; a query is
/// analysed once per language the tenant's documents are written in and searched in that
/// language's fields. Titles and headings are separate, boosted fields: people often ask exactly
/// what a heading says. Rebuilt, never updated in place: a snapshot is immutable, so a search never
/// sees a half-replaced document.
/// </summary>
public sealed class KeywordIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string OrdinalField = "ordinal";

    /// <summary>Lucene refuses a query of more than 1,024 clauses: the query's terms are capped to stay under it.</summary>
    private const int MaxClauses = 1_000;

    /// <summary>
    /// The question's words in their order in the chunk's own heading (a few words apart at most):
    /// a heading that says what was asked beats one that merely shares its words, e.g. "What's
    /// next?" sections over a "Next.js" page.
    /// </summary>
    private const int PhraseSlop = 2;

    private readonly Analyzer analyzer;
    private readonly QueryBuilder phrases;
    private readonly RAMDirectory directory;
    private readonly DirectoryReader? reader;
    private readonly IndexSearcher? searcher;
    private readonly NumericDocValues? ordinals;
    private readonly string[] chunkLanguages;

    public KeywordIndex(IReadOnlyList<IndexedChunk> chunks)
    {
        analyzer = CreateAnalyzer();
        phrases = new QueryBuilder(analyzer);
        directory = new RAMDirectory();
        chunkLanguages = DetectLanguages(chunks);
        Languages = [.. chunkLanguages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
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
                var language = chunkLanguages[i];
                var heading = string.Join(" ", chunk.HeadingPath.Prepend(chunk.Title));
                // The chunk's own section heading, apart: visitors often ask what a heading says.
                var section = chunk.HeadingPath.Count > 0 ? chunk.HeadingPath[^1] : chunk.Title;
                writer.AddDocument(
                [
                    new NumericDocValuesField(OrdinalField, i),
                    new TextField(FieldName("body", language), chunk.Text, Field.Store.NO),
                    new TextField(FieldName("head", language), heading, Field.Store.NO),
                    new TextField(FieldName("section", language), section, Field.Store.NO),
                ]);
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        ordinals = MultiDocValues.GetNumericValues(reader, OrdinalField);
    }

    /// <summary>The languages with an analyser (ISO 639-1), as <see cref="DocumentLanguage"/> names them.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } = ["de", "en", "es", "fr", "it", "nl", "pt"];

    /// <summary>The languages the indexed documents are written in.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>The language the chunk at <paramref name="ordinal"/> was analysed in (its document's).</summary>
    public string LanguageOf(int ordinal) => chunkLanguages[ordinal];

    public ScoredOrdinal[] Search(string query, int k) => Search(query, k, KeywordBoosts.Default);

    public ScoredOrdinal[] Search(string query, int k, KeywordBoosts boosts)
    {
        if (searcher is null || k <= 0)
        {
            return [];
        }

        var boolean = new BooleanQuery();
        // Three term clauses per term and language, plus a phrase per language.
        var maxTerms = (MaxClauses / Languages.Count / 3) - 1;
        foreach (var language in Languages)
        {
            // One analysis per language, not per field: the fields of a language share its analyzer.
            var terms = Terms(FieldName("body", language), query);
            foreach (var (kind, boost) in new[] { ("body", boosts.Body), ("head", boosts.Heading), ("section", boosts.Section) })
            {
                if (boost <= 0)
                {
                    continue;
                }

                foreach (var term in terms.Take(maxTerms))
                {
                    boolean.Add(new TermQuery(new Term(FieldName(kind, language), term)) { Boost = boost }, Occur.SHOULD);
                }
            }

            if (boosts.Phrase > 0 && terms.Count > 1 && terms.Count <= maxTerms
                && phrases.CreatePhraseQuery(FieldName("section", language), query, PhraseSlop) is PhraseQuery phrase)
            {
                phrase.Boost = boosts.Phrase;
                boolean.Add(phrase, Occur.SHOULD);
            }
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

    private static string FieldName(string kind, string language) => $"{kind}_{language}";

    /// <summary>One language per document, from all of its chunks; a language without an analyser falls back to English.</summary>
    private static string[] DetectLanguages(IReadOnlyList<IndexedChunk> chunks)
    {
        var byDocument = Enumerable.Range(0, chunks.Count)
            .GroupBy(i => chunks[i].DocumentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => DocumentLanguage.Detect(g.Select(i => chunks[i].Text)), StringComparer.Ordinal);
        return [.. chunks.Select(c => byDocument[c.DocumentId] is var language && SupportedLanguages.Contains(language) ? language : "en")];
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

    private static PerFieldAnalyzerWrapper CreateAnalyzer()
    {
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var language in SupportedLanguages)
        {
            // One analyzer per language, shared by its three fields.
            Analyzer languageAnalyzer = language switch
            {
                "de" => new GermanAnalyzer(Version),
                "es" => new SpanishAnalyzer(Version),
                "fr" => new FrenchAnalyzer(Version),
                "it" => new ItalianAnalyzer(Version),
                "nl" => new DutchAnalyzer(Version),
                "pt" => new PortugueseAnalyzer(Version),
                _ => new EnglishAnalyzer(Version),
            };
            foreach (var kind in new[] { "body", "head", "section" })
            {
                perField[FieldName(kind, language)] = languageAnalyzer;
            }
        }

        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(Version), perField);
    }
}

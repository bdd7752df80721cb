using Rose.Knowledge.Retrieval;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>Each document is analysed (stemmed, elided) in its own language, detected per document.</summary>
public sealed class KeywordLanguageTests
{
    private const string English = "Our pricing depends on the number of websites. Prices are billed monthly and you can change your plan at any time.";
    private const string French = "Les tarifs dépendent du nombre de sites. L'abonnement est facturé chaque mois et vous pouvez changer d'offre à tout moment.";
    private const string German = "Sie können Ihre Passwörter jederzeit in den Kontoeinstellungen ändern. Das neue Passwort gilt sofort für alle Geräte.";

    [Theory]
    [InlineData(English, "en")]
    [InlineData(French, "fr")]
    [InlineData(German, "de")]
    [InlineData("El precio depende del número de sitios y la factura es mensual para todos los clientes.", "es")]
    public void Document_language_is_detected_from_its_text(string text, string expected) =>
        Assert.Equal(expected, DocumentLanguage.Detect([text]));

    [Fact]
    public void Every_chunk_of_a_document_takes_the_language_of_the_whole_document()
    {
        // The second chunk alone is too short to tell; its document is German.
        using var index = new KeywordIndex([Chunk("de", 0, German), Chunk("de", 1, "Passwort"), Chunk("en", 0, English)]);

        Assert.Equal("de", index.LanguageOf(0));
        Assert.Equal("de", index.LanguageOf(1));
        Assert.Equal("en", index.LanguageOf(2));
        Assert.Equal(["de", "en"], index.Languages);
    }

    [Fact]
    public void A_german_document_is_found_by_another_inflection_of_its_words()
    {
        using var index = new KeywordIndex([Chunk("de", 0, German), Chunk("en", 0, English)]);

        // "Passwörter" in the document, "Passwort" asked; the German stemmer folds the plural and the umlaut.
        var hits = index.Search("Wie ändere ich mein Passwort?", 5);

        Assert.Equal(0, hits[0].Ordinal);
        Assert.Equal(1, Matches(index, "Passwörter"));
    }

    [Fact]
    public void A_french_document_is_found_through_elisions_and_plurals()
    {
        using var index = new KeywordIndex([Chunk("fr", 0, French), Chunk("en", 0, English)]);

        // "L'abonnement" and "tarifs" in the document.
        Assert.Equal(0, index.Search("abonnement", 5).Single().Ordinal);
        Assert.Equal(0, index.Search("tarif", 5).Single().Ordinal);
    }

    [Fact]
    public void An_english_document_is_stemmed_in_english_only()
    {
        using var index = new KeywordIndex([Chunk("en", 0, English)]);

        // Porter: "pricing" and "prices" meet at "price".
        Assert.Equal(0, index.Search("price", 5).Single().Ordinal);
        Assert.Equal("en", index.LanguageOf(0));
        Assert.Equal(["en"], index.Languages);
    }

    [Fact]
    public void A_tenant_with_documents_in_three_languages_answers_each_language_from_its_document()
    {
        using var index = new KeywordIndex([Chunk("en", 0, English), Chunk("fr", 0, French), Chunk("de", 0, German)]);

        Assert.Equal(0, index.Search("How are prices billed?", 5)[0].Ordinal);
        Assert.Equal(1, index.Search("Comment l'abonnement est-il facturé ?", 5)[0].Ordinal);
        Assert.Equal(2, index.Search("Passwort ändern", 5)[0].Ordinal);
    }

    private static int Matches(KeywordIndex index, string query) => index.Search(query, 5).Length;

    private static IndexedChunk Chunk(string document, int ordinal, string text) =>
        new($"t:{document}", $"t:{document}-{ordinal}", text, [], document, null, null);
}

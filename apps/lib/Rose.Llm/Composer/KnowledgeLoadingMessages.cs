namespace Rose.Llm.Composer;

/// <summary>
/// What the agent says, in the visitor's language, when the tenant's knowledge base is still being
/// loaded for the first time: "I don't know" would be untrue, the answer may be there in a minute.
/// </summary>
public static class KnowledgeLoadingMessages
{
    private static readonly Dictionary<string, string> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = "I'm still reading this site's documentation. Please ask me again in a minute.",
        ["fr"] = "Je suis encore en train de lire la documentation de ce site. Reposez-moi la question dans une minute.",
        ["de"] = "Ich lese die Dokumentation dieser Website noch. Bitte fragen Sie mich in einer Minute noch einmal.",
        ["es"] = "Todavía estoy leyendo la documentación de este sitio. Vuelva a preguntarme dentro de un minuto.",
        ["it"] = "Sto ancora leggendo la documentazione di questo sito. Me lo chieda di nuovo tra un minuto.",
        ["nl"] = "Ik ben de documentatie van deze site nog aan het lezen. Vraag het me over een minuut opnieuw.",
        ["pt"] = "Ainda estou lendo a documentação deste site. Pergunte-me de novo daqui a um minuto.",
    };

    /// <summary>The message in the language the question is written in, like the composer's decline.</summary>
    public static string ForQuestion(string question) =>
        ByLanguage.GetValueOrDefault(LanguageGuesser.Guess(question)) ?? ByLanguage[LanguageGuesser.Default];
}

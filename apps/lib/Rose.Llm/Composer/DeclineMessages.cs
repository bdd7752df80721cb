namespace Rose.Llm.Composer;

/// <summary>The honest "I don't know" in the visitor's language, leading to the contact skill.</summary>
internal static class DeclineMessages
{
    private static readonly Dictionary<string, string> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = "I'm sorry, I don't know the answer to that: I couldn't find it in the information I have. Would you like to get in touch with our team?",
        ["fr"] = "Désolé, je ne connais pas la réponse : je ne la trouve pas dans les informations dont je dispose. Souhaitez-vous contacter notre équipe ?",
        ["de"] = "Das weiß ich leider nicht: Ich finde die Antwort nicht in den Informationen, die mir vorliegen. Möchten Sie unser Team kontaktieren?",
        ["es"] = "Lo siento, no sé la respuesta: no la encuentro en la información de la que dispongo. ¿Desea ponerse en contacto con nuestro equipo?",
        ["it"] = "Mi dispiace, non conosco la risposta: non la trovo nelle informazioni di cui dispongo. Desidera contattare il nostro team?",
        ["nl"] = "Sorry, dat weet ik niet: ik vind het antwoord niet in de informatie die ik heb. Wilt u contact opnemen met ons team?",
        ["pt"] = "Desculpe, não sei a resposta: não a encontro nas informações de que disponho. Deseja entrar em contato com a nossa equipe?",
    };

    public static string For(string language) => ByLanguage.GetValueOrDefault(language) ?? ByLanguage[LanguageGuesser.Default];
}

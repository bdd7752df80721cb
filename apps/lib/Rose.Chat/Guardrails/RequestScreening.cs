using System.Text.RegularExpressions;

namespace Rose.Chat.Guardrails;

/// <summary>
/// Decides before retrieval whether a visitor message gets a polite refusal instead of an answer:
/// attempts to steer the agent or extract its instructions, and harmful requests. Off-topic
/// questions need no rule here: retrieval finds nothing relevant and the answer declines honestly.
/// </summary>
public static partial class RequestScreening
{
    public static ScreeningVerdict Screen(string message)
    {
        if (InjectionPatterns.AsksForSystemPrompt(message) || InjectionPatterns.IsInstruction(message))
        {
            return ScreeningVerdict.Manipulation;
        }

        return Harmful().IsMatch(message) ? ScreeningVerdict.Harmful : ScreeningVerdict.Allowed;
    }

    public static string RefusalFor(ScreeningVerdict verdict, string language) => (verdict, language) switch
    {
        (ScreeningVerdict.Manipulation, "fr") => "Je ne peux pas changer ma façon de travailler ni partager mes consignes, mais je réponds volontiers à vos questions sur nos produits.",
        (ScreeningVerdict.Manipulation, _) => "I can't change how I work or share my instructions, but I'm happy to answer questions about our products and services.",
        (_, "fr") => "Je ne peux pas aider pour cela. Je peux en revanche répondre à vos questions sur nos produits et services.",
        _ => "I can't help with that. I can answer questions about our products and services, though.",
    };

    [GeneratedRegex(
        @"\b(make|build|create|synthesi[sz]e)\b.{0,30}\b(bomb|explosive|weapon|nerve agent|malware|ransomware|virus)\b" +
        @"|\b(kill|hurt|harm)\b.{0,20}\b(myself|someone|people|him|her|them)\b" +
        @"|\b(credit card numbers?|steal (passwords?|data|identit(y|ies)))\b" +
        @"|\b(child (porn|sexual))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Harmful();
}

using System.Text.RegularExpressions;

namespace Rose.Chat.Guardrails;

/// <summary>
/// Sentences that try to steer the agent (OWASP LLM01, prompt injection). They are recognised in
/// visitor messages (and refused) and in retrieved passages (and dropped: retrieved text is data).
/// </summary>
public static partial class InjectionPatterns
{
    public static bool IsInstruction(string text) => Instruction().IsMatch(text);

    public static bool AsksForSystemPrompt(string text) => SystemPrompt().IsMatch(text);

    [GeneratedRegex(
        @"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules|prompts?|guidelines|directives|previous|above)\b" +
        @"|\b(you are now|from now on,? you|act as|pretend to be|new instructions?|system prompt|developer mode|jailbreak)\b" +
        @"|\b(add|include|insert|append|always (add|include|mention))\b.{0,30}\b(this |the following )?(link|url|image)\b" +
        @"|\b(ignore[sz]?|ignorez?)\b.{0,40}\b(consignes|instructions)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Instruction();

    [GeneratedRegex(
        @"\b(system|initial|hidden|original)\s+(prompt|instructions?|message)\b|\b(reveal|show|print|repeat|tell me)\b.{0,30}\b(your|the)\s+(prompt|instructions|rules)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SystemPrompt();
}

using System.Text.RegularExpressions;
using Rose.Chat.Guardrails;

namespace Rose.Geo.Collection;

/// <summary>
/// Decides which visitor messages are questions a FAQ page could answer. Spam (links, promotions,
/// repeated characters, what the chat's guardrails refuse) and small talk are dropped here;
/// off-topic questions (nothing in the knowledge base is about them) are dropped when clustered,
/// where the embeddings are at hand.
/// </summary>
public static partial class QuestionScreening
{
    private const int MinWords = 3;
    private const int MaxCharacters = 600;

    public static bool IsCandidate(string text)
    {
        if (text.Length is 0 or > MaxCharacters || RequestScreening.Screen(text) != ScreeningVerdict.Allowed)
        {
            return false;
        }

        var words = Words().Count(text);
        return words >= MinWords
               && !Link().IsMatch(text)
               && !Promotion().IsMatch(text)
               && !Repeated().IsMatch(text)
               && !SmallTalk().IsMatch(text)
               && Letters().Count(text) * 2 >= text.Length;
    }

    [GeneratedRegex(@"\p{L}[\p{L}'-]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex Letters();

    [GeneratedRegex(@"https?://|www\.|\.(?:ru|xyz|top|click)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"\b(?:casino|viagra|crypto|bitcoin|forex|seo services|backlinks?|buy followers|cheap|discount code|loan offer|earn \$?\d+|work from home|click here|promo|lottery|xxx|porn)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Promotion();

    [GeneratedRegex(@"(.)\1{5,}")]
    private static partial Regex Repeated();

    [GeneratedRegex(@"^\s*(?:hi|hello|hey|hallo|bonjour|thanks|thank you|merci|danke|ok|okay|cool|great|bye|good ?bye|test(?:ing)?|are you (?:a )?(?:bot|human|real)|who are you|how are you)\b[\s\p{P}]*(?:there|rose|again|a lot|so much|everyone)?[\s\p{P}]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SmallTalk();
}

using System.Text.RegularExpressions;

namespace Rose.Knowledge.Ingestion;

/// <summary>The source keys of FAQ documents: by the entry's id (edits replace it), or by its question for entries sent without an id.</summary>
public static partial class FaqKeys
{
    public const int MaxIdLength = 100;
    public const string Prefix = "faq:";
    public const string IdPrefix = "faq:id:";

    public static string ForId(string id) => IdPrefix + id;

    public static string ForQuestion(string collapsedQuestion) => Prefix + collapsedQuestion.ToLowerInvariant();

    public static bool IsValidId(string id) => Shape().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

using System.Text.RegularExpressions;

namespace Rose.Tagging.Classification;

/// <summary>A cue for a label: a pattern over the normalized visitor text and how much one match counts.</summary>
public sealed record TagRule(Regex Pattern, double Weight)
{
    public static TagRule Of(string pattern, double weight) =>
        new(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(100)), weight);
}

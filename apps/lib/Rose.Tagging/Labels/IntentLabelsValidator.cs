using System.Text.RegularExpressions;

namespace Rose.Tagging.Labels;

/// <summary>
/// Checks a tenant's intent labels: names in lowercase kebab-case, each once, each described;
/// <c>other</c> stays, since a conversation that matches no label is tagged with it.
/// </summary>
public static partial class IntentLabelsValidator
{
    public const int MaxLabels = 30;

    public const int MaxNameLength = 64;

    public const int MaxDescriptionLength = 300;

    /// <summary>The errors in words, by field (<c>intents</c>, <c>intents[2].name</c>…); empty when the set is valid.</summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<IntentLabel>? intents)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (intents is null || intents.Count == 0)
        {
            errors["intents"] = ["Give at least one intent label besides \"other\"."];
            return errors;
        }

        if (intents.Count > MaxLabels)
        {
            errors["intents"] = [$"At most {MaxLabels} intent labels."];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < intents.Count; i++)
        {
            var name = intents[i].Name?.Trim() ?? string.Empty;
            if (name.Length is 0 or > MaxNameLength || !KebabCase().IsMatch(name))
            {
                errors[$"intents[{i}].name"] = [$"\"{name}\" is not a label name: use lowercase letters, digits and dashes (such as \"free-trial\"), at most {MaxNameLength} characters."];
            }
            else if (!seen.Add(name))
            {
                errors[$"intents[{i}].name"] = [$"The label \"{name}\" is named twice."];
            }

            var description = intents[i].Description?.Trim() ?? string.Empty;
            if (description.Length is 0 or > MaxDescriptionLength)
            {
                errors[$"intents[{i}].description"] = [$"Describe \"{name}\" in 1 to {MaxDescriptionLength} characters: the classifier matches conversations against the description."];
            }
        }

        if (!seen.Contains(LabelSet.Other))
        {
            errors["intents"] = [$"The label \"{LabelSet.Other}\" cannot be removed: conversations that match no other label get it."];
        }
        else if (seen.Count < 2)
        {
            errors["intents"] = ["Give at least one intent label besides \"other\"."];
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}

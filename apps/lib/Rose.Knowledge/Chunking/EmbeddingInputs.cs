namespace Rose.Knowledge.Chunking;

internal static class EmbeddingInputs
{
    public static string Prefix(string title, IReadOnlyList<string> headingPath)
    {
        var parts = new List<string>(headingPath.Count + 1);
        if (!string.IsNullOrWhiteSpace(title))
        {
            parts.Add(title);
        }

        parts.AddRange(headingPath.Where(h => !string.Equals(h, title, StringComparison.OrdinalIgnoreCase)));
        return string.Join(" > ", parts);
    }

    public static string Compose(string title, IReadOnlyList<string> headingPath, string text)
    {
        var prefix = Prefix(title, headingPath);
        return prefix.Length == 0 ? text : prefix + "\n" + text;
    }
}

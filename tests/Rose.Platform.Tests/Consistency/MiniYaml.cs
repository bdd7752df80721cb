using System.Globalization;

namespace Rose.Platform.Tests.Consistency;

/// <summary>
/// Just enough YAML for Dapr resource files: block maps and lists by indentation, scalars (quotes
/// stripped), flow lists <c>[a, b]</c> and flow maps <c>{ a: b }</c>, comments. Maps are dictionaries,
/// lists are lists, scalars are strings.
/// </summary>
public static class MiniYaml
{
    public static object Parse(string text)
    {
        var lines = text.Split('\n')
            .Select(l => StripComment(l).TrimEnd())
            .Where(l => l.Trim().Length > 0)
            .Select(l => (Indent: l.Length - l.TrimStart().Length, Text: l.Trim()))
            .ToList();
        var index = 0;
        return ParseBlock(lines, ref index, lines.Count > 0 ? lines[0].Indent : 0);
    }

    public static Dictionary<string, object> Map(this object node, string key) => (Dictionary<string, object>)((Dictionary<string, object>)node)[key];

    public static List<object> List(this object node, string key) =>
        ((Dictionary<string, object>)node).TryGetValue(key, out var value) && value is List<object> list ? list : [];

    public static string? Scalar(this object node, string key) =>
        ((Dictionary<string, object>)node).TryGetValue(key, out var value) ? value as string : null;

    private static object ParseBlock(List<(int Indent, string Text)> lines, ref int index, int indent)
    {
        if (lines[index].Text.StartsWith("- ", StringComparison.Ordinal) || lines[index].Text == "-")
        {
            var list = new List<object>();
            while (index < lines.Count && lines[index].Indent == indent && lines[index].Text.StartsWith('-'))
            {
                var item = lines[index].Text.Length > 1 ? lines[index].Text[2..].Trim() : string.Empty;
                if (item.Contains(": ", StringComparison.Ordinal) && !item.StartsWith('{') && !item.StartsWith('"'))
                {
                    // "- key: value" opens a map whose other keys sit at the item's indentation.
                    lines[index] = (indent + 2, item);
                    list.Add(ParseBlock(lines, ref index, indent + 2));
                }
                else
                {
                    index++;
                    list.Add(Value(item));
                }
            }

            return list;
        }

        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        while (index < lines.Count && lines[index].Indent == indent && !lines[index].Text.StartsWith('-'))
        {
            var text = lines[index].Text;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var key = text[..colon].Trim().Trim('"');
            var rest = text[(colon + 1)..].Trim();
            index++;
            if (rest.Length > 0)
            {
                map[key] = Value(rest);
            }
            else if (index < lines.Count && lines[index].Indent > indent)
            {
                map[key] = ParseBlock(lines, ref index, lines[index].Indent);
            }
            else if (index < lines.Count && lines[index].Indent == indent && lines[index].Text.StartsWith('-'))
            {
                // A list may sit at its key's indentation.
                map[key] = ParseBlock(lines, ref index, indent);
            }
            else
            {
                map[key] = string.Empty;
            }
        }

        return map;
    }

    private static object Value(string text)
    {
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            return SplitFlow(text[1..^1]).Select(Value).ToList();
        }

        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            return SplitFlow(text[1..^1]).Select(p => p.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => Value(p[1].Trim()));
        }

        return text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0] ? text[1..^1] : text;
    }

    private static IEnumerable<string> SplitFlow(string text) =>
        text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string StripComment(string line)
    {
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == '#' && !inQuotes && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line.ToString(CultureInfo.InvariantCulture);
    }
}

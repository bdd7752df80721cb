using System.Globalization;
using System.Text.Json;

namespace Rose.Knowledge.Graph;

/// <summary>
/// Reads a model's graph-extraction reply without trusting it: prose or code fences around the
/// JSON, unknown fields, wrong types, chunk numbers that do not exist and oversized lists are
/// tolerated or cut; a reply that is not JSON at all, or too long, is refused as a whole (null).
/// Names become keys exactly as the offline extractor and the query side make them (<see cref="EntityText"/>).
/// </summary>
internal static class LlmGraphReply
{
    private const int MaxEntitiesPerChunk = 24;
    private const int MaxRelationsPerChunk = 24;
    private const int MaxKeywords = 8;
    private const int MaxLabelLength = 200;

    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    /// <summary>The extractions the reply gives, by 1-based chunk number; null when the reply is unusable.</summary>
    public static Dictionary<int, GraphExtraction>? TryParse(string reply, int chunkCount, int maxCharacters)
    {
        if (reply.Length > maxCharacters)
        {
            return null;
        }

        // Models wrap JSON in ```json fences or a sentence despite being asked not to: keep the outermost object.
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(reply.AsMemory(start, end - start + 1), Lenient);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            var extractions = new Dictionary<int, GraphExtraction>();
            if (root.TryGetProperty("chunks", out var chunks) && chunks.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in chunks.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && ChunkNumber(item) is { } number && number >= 1 && number <= chunkCount)
                    {
                        extractions.TryAdd(number, Read(item));
                    }
                }
            }
            else if (chunkCount == 1 && (root.TryGetProperty("entities", out _) || root.TryGetProperty("relations", out _)))
            {
                // The single-chunk shape of prompt v1.
                extractions[1] = Read(root);
            }

            return extractions.Count > 0 ? extractions : null;
        }
    }

    private static GraphExtraction Read(JsonElement item)
    {
        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in Objects(item, "entities"))
        {
            if (entities.Count < MaxEntitiesPerChunk && Text(entity, "name") is { } name && Usable(name) is { } key)
            {
                entities.TryAdd(key, Label(name));
            }
        }

        var relations = new List<(string Source, string Target, string Keywords)>();
        foreach (var relation in Objects(item, "relations"))
        {
            if (relations.Count >= MaxRelationsPerChunk
                || Text(relation, "source") is not { } source || Usable(source) is not { } sourceKey
                || Text(relation, "target") is not { } target || Usable(target) is not { } targetKey
                || sourceKey == targetKey)
            {
                continue;
            }

            // "relation" is prompt v1's name for the keywords; the description's words help global retrieval too.
            var said = string.Join(' ', Text(relation, "keywords") ?? Text(relation, "relation") ?? string.Empty, Text(relation, "description") ?? string.Empty);
            var keywords = EntityText.Words(said).Where(w => w.Length > 2 && !EntityText.IsStopWord(w)).Distinct(StringComparer.Ordinal).Take(MaxKeywords);
            relations.Add((sourceKey, targetKey, string.Join(' ', keywords)));

            // A relation is only found through its ends' mentions (local and global retrieval start from named entities).
            entities.TryAdd(sourceKey, Label(source));
            entities.TryAdd(targetKey, Label(target));
        }

        return new GraphExtraction([.. entities.Select(e => (e.Key, e.Value))], relations);
    }

    private static int? ChunkNumber(JsonElement item)
    {
        if (!item.TryGetProperty("chunk", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    private static IEnumerable<JsonElement> Objects(JsonElement item, string property) =>
        item.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>A string property, or a list of strings joined (models sometimes send keywords as an array).</summary>
    private static string? Text(JsonElement item, string property)
    {
        if (!item.TryGetProperty(property, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => string.Join(' ', value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string? Usable(string name) => EntityText.Key(name) is var key && EntityText.IsEntityKey(key) ? key : null;

    private static string Label(string name)
    {
        var label = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return label.Length <= MaxLabelLength ? label : label[..MaxLabelLength];
    }
}

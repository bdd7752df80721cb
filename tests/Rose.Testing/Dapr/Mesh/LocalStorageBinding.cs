using System.Text;
using System.Text.Json;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// <c>bindings.localstorage</c> as components-contrib <c>bindings/localstorage/localstorage.go</c> runs it:
/// <c>create</c> unquotes, then Base64-decodes the data when it decodes, and writes <c>fileName</c>
/// (a new UUID when missing) under the root; <c>get</c> reads it ("file not found: …" otherwise);
/// <c>delete</c> removes it; <c>list</c> walks the folder named by <c>fileName</c> (the root when
/// missing) and answers a JSON array of ABSOLUTE paths, <c>null</c> when there is no file — the
/// request's data (e.g. a <c>prefix</c>) is ignored. Paths are joined as <c>securejoin</c> does: a
/// name cannot climb out of the root.
/// </summary>
internal sealed class LocalStorageBinding(string rootPath)
{
    public string RootPath { get; } = Path.GetFullPath(rootPath);

    public (byte[] Data, Dictionary<string, string> Metadata) Invoke(string operation, byte[] data, IReadOnlyDictionary<string, string> metadata)
    {
        metadata.TryGetValue("fileName", out var fileName);
        fileName ??= string.Empty;
        return operation switch
        {
            "create" => Create(fileName.Length == 0 ? Guid.NewGuid().ToString() : fileName, data),
            "get" => (Get(fileName), []),
            "delete" => Delete(fileName),
            "list" => (List(fileName), []),
            _ => throw new BindingFailedException($"unsupported operation {operation}"),
        };
    }

    private (byte[], Dictionary<string, string>) Create(string fileName, byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        if (TryGoUnquote(text, out var unquoted))
        {
            data = Encoding.UTF8.GetBytes(unquoted);
            text = unquoted;
        }

        if (TryStrictBase64(text, out var decoded))
        {
            data = decoded;
        }

        var (absolute, relative) = SecureJoin(fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(absolute)!);
        File.WriteAllBytes(absolute, data);
        return (JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["fileName"] = relative }), []);
    }

    private byte[] Get(string fileName)
    {
        var (absolute, _) = SecureJoin(fileName);
        return File.Exists(absolute) ? File.ReadAllBytes(absolute) : throw new BindingFailedException($"file not found: {absolute}");
    }

    private (byte[], Dictionary<string, string>) Delete(string fileName)
    {
        var (absolute, _) = SecureJoin(fileName);
        if (!File.Exists(absolute))
        {
            throw new BindingFailedException($"error deleting file {absolute}: remove {absolute}: no such file or directory");
        }

        File.Delete(absolute);
        return ([], []);
    }

    private byte[] List(string fileName)
    {
        var (absolute, _) = SecureJoin(fileName);
        if (!Directory.Exists(absolute))
        {
            throw new BindingFailedException(File.Exists(absolute)
                ? $"unable to list files as the file specified is not a directory: {absolute}"
                : $"error getting stats for path {absolute}: stat {absolute}: no such file or directory");
        }

        // filepath.Walk visits in lexical order; a nil slice marshals to null.
        var files = Directory.EnumerateFiles(absolute, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return files.Count == 0 ? "null"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(files);
    }

    /// <summary>cyphar/filepath-securejoin: the name is resolved as if the root were "/", so ".." stops at the root.</summary>
    private (string Absolute, string Relative) SecureJoin(string fileName)
    {
        var parts = new List<string>();
        foreach (var part in fileName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        var relative = parts.Count == 0 ? "." : string.Join('/', parts);
        return (parts.Count == 0 ? RootPath : Path.Combine(RootPath, Path.Combine([.. parts])), relative);
    }

    /// <summary>strconv.Unquote for the double-quoted form a JSON string takes.</summary>
    private static bool TryGoUnquote(string text, out string value)
    {
        value = text;
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize<string>(text) ?? text;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Go's base64.StdEncoding: padded, no whitespace but CR/LF (which Go skips).</summary>
    private static bool TryStrictBase64(string text, out byte[] decoded)
    {
        decoded = [];
        var compact = text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        if (compact.Length % 4 != 0 || compact.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var buffer = new byte[compact.Length];
        if (!Convert.TryFromBase64String(compact, buffer, out var written))
        {
            return false;
        }

        decoded = buffer[..written];
        return true;
    }
}

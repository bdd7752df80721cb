using Microsoft.Extensions.Configuration;

namespace Rose.Storage;

/// <summary>The folder where the embedded runtime keeps its files (<c>Rose:DataPath</c>, default <c>./data</c>).</summary>
public static class RoseDataPath
{
    public const string Key = "Rose:DataPath";

    /// <summary>The absolute data folder, created if missing.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var path = Path.GetFullPath(configuration[Key] is { Length: > 0 } configured ? configured : "data");
        Directory.CreateDirectory(path);
        return path;
    }
}

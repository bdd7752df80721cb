namespace Rose.Platform.Tests.Consistency;

/// <summary>One file of <c>components/</c>, read with <see cref="MiniYaml"/>.</summary>
public sealed record DaprResource(string File, string Kind, string Name, string? Type, IReadOnlyList<string> Scopes, IReadOnlyDictionary<string, string> Metadata)
{
    public static IReadOnlyList<DaprResource> LoadAll() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "components"), "*.yaml").Order().Select(Load)];

    public static DaprResource Load(string file)
    {
        var root = MiniYaml.Parse(System.IO.File.ReadAllText(file));
        var spec = ((Dictionary<string, object>)root).TryGetValue("spec", out var s) ? s : new Dictionary<string, object>();
        var metadata = spec.List("metadata")
            .Cast<Dictionary<string, object>>()
            .Where(m => m.ContainsKey("value"))
            .ToDictionary(m => (string)m["name"], m => (string)m["value"]);
        return new DaprResource(
            Path.GetFileName(file),
            root.Scalar("kind")!,
            root.Map("metadata").Scalar("name")!,
            spec.Scalar("type"),
            [.. root.List("scopes").Cast<string>()],
            metadata);
    }
}

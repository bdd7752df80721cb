using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Rose.Llm.Configuration;

namespace Rose.Llm.Prompts;

/// <summary>
/// Versioned prompt templates shipped as embedded files (<c>Prompts/&lt;purpose&gt;.v&lt;n&gt;.md</c>). The
/// highest version is used unless <c>Rose:Llm:PromptVersions:&lt;purpose&gt;</c> pins one, so a new
/// prompt can be rolled out (and back) by configuration. <c>{{name}}</c> placeholders are filled from
/// the tenant's voice and the caller's values; a placeholder left unfilled is a bug and throws.
/// </summary>
public sealed partial class PromptLibrary(IOptions<LlmOptions> options)
{
    private const string ResourcePrefix = "Rose.Llm.Prompts.";
    private static readonly Assembly Assembly = typeof(PromptLibrary).Assembly;
    private static readonly Dictionary<string, SortedDictionary<int, string>> Templates = Load();

    public const string DefaultAssistantName = "Rose";
    public const string DefaultPersona = "the assistant on this company's website, helping visitors understand its products and services";
    public const string DefaultTone = "friendly, clear and factual";
    public const string DefaultLanguage = "the language of the visitor's question";

    /// <summary>The template versions shipped for <paramref name="purpose"/>, lowest first.</summary>
    public static IReadOnlyList<int> VersionsOf(string purpose) =>
        Templates.TryGetValue(purpose, out var versions) ? versions.Keys.ToList() : [];

    /// <summary>The version in use for <paramref name="purpose"/>, e.g. <c>v1</c>.</summary>
    public string VersionFor(string purpose) => $"v{Select(purpose).Version}";

    /// <summary>Renders the template of <paramref name="purpose"/> for a tenant.</summary>
    public string Render(string purpose, string tenantId, TenantVoice? voice, IReadOnlyDictionary<string, string>? values = null)
    {
        var (_, template) = Select(purpose);
        var tenant = options.Value.ForTenant(tenantId);
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["assistant_name"] = voice?.AssistantName ?? tenant.AssistantName ?? DefaultAssistantName,
            ["persona"] = voice?.Persona ?? tenant.Persona ?? DefaultPersona,
            ["tone"] = voice?.Tone ?? tenant.Tone ?? DefaultTone,
            ["language"] = voice?.Language ?? tenant.Language ?? DefaultLanguage,
        };
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return Placeholder().Replace(template, match =>
            all.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException($"Prompt '{purpose}' needs a value for {{{{{match.Groups[1].Value}}}}}."));
    }

    private (int Version, string Template) Select(string purpose)
    {
        if (!Templates.TryGetValue(purpose, out var versions) || versions.Count == 0)
        {
            throw new InvalidOperationException($"No prompt template is shipped for purpose '{purpose}'.");
        }

        if (options.Value.PromptVersions.TryGetValue(purpose, out var pinned) && !string.IsNullOrWhiteSpace(pinned))
        {
            var number = int.TryParse(pinned.TrimStart('v', 'V'), out var n) ? n : -1;
            return versions.TryGetValue(number, out var template)
                ? (number, template)
                : throw new InvalidOperationException($"Rose:Llm:PromptVersions:{purpose} is '{pinned}', but only {string.Join(", ", versions.Keys.Select(v => $"v{v}"))} ship.");
        }

        var latest = versions.Last();
        return (latest.Key, latest.Value);
    }

    private static Dictionary<string, SortedDictionary<int, string>> Load()
    {
        var templates = new Dictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        foreach (var name in Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var match = FileName().Match(name[ResourcePrefix.Length..]);
            if (!match.Success)
            {
                continue;
            }

            using var reader = new StreamReader(Assembly.GetManifestResourceStream(name)!);
            var purpose = match.Groups["purpose"].Value;
            if (!templates.TryGetValue(purpose, out var versions))
            {
                versions = [];
                templates[purpose] = versions;
            }

            versions[int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture)] = reader.ReadToEnd().Trim();
        }

        return templates;
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(?<purpose>[a-z-]+)\.v(?<version>\d+)\.md$")]
    private static partial Regex FileName();
}

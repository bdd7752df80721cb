namespace Rose.Knowledge.Sources;

/// <summary>
/// The <c>Disallow</c>/<c>Allow</c> rules of a robots.txt for our user agent (or <c>*</c>);
/// the longest matching rule wins, as in RFC 9309.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Path, bool Allow)> rules;

    private RobotsRules(List<(string Path, bool Allow)> rules) => this.rules = rules;

    public static RobotsRules AllowAll { get; } = new([]);

    public static RobotsRules Parse(string robotsTxt, string userAgent)
    {
        var product = userAgent.Split('/')[0].Trim().ToLowerInvariant();
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules)>();
        (List<string> Agents, List<(string, bool)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var raw in robotsTxt.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }

                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is not null && field is "allow" or "disallow" && value.Length > 0)
            {
                current.Value.Rules.Add((value, field == "allow"));
            }
        }

        var mine = groups.FirstOrDefault(g => g.Agents.Any(a => a != "*" && product.Contains(a, StringComparison.Ordinal)));
        if (mine.Agents is null)
        {
            mine = groups.FirstOrDefault(g => g.Agents.Contains("*"));
        }

        return new RobotsRules(mine.Rules ?? []);
    }

    public bool Allows(string pathAndQuery)
    {
        var best = rules
            .Where(r => pathAndQuery.StartsWith(r.Path.TrimEnd('*').Split('$')[0], StringComparison.Ordinal))
            .OrderByDescending(r => r.Path.Length)
            .ThenByDescending(r => r.Allow)
            .FirstOrDefault();
        return best.Path is null || best.Allow;
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Rose.Deploy.Tests;

/// <summary>
/// The Grafana dashboard and the PrometheusRule in <c>deploy/observability</c> parse, are shaped as
/// Grafana and the Prometheus Operator expect, and query only metrics that Rose's code really creates.
/// </summary>
public sealed partial class ObservabilityTests
{
    private const string Dashboard = "deploy/observability/grafana-dashboard.json";
    private const string Rules = "deploy/observability/prometheus-rules.yaml";

    /// <summary>Metrics from instrumentation libraries, not from Rose's own instruments.</summary>
    private static readonly HashSet<string> LibraryMetrics = ["http_server_request_duration_seconds_count", "http_server_request_duration_seconds_bucket"];

    [Fact]
    public void Dashboard_parses_and_every_panel_queries_prometheus()
    {
        var dashboard = Assert.IsType<JsonObject>(JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(Dashboard))));

        Assert.Equal("rose-overview", (string?)dashboard["uid"]);
        var panels = Assert.IsType<JsonArray>(dashboard["panels"]);
        Assert.True(panels.Count >= 8, $"only {panels.Count} panels");
        Assert.Equal(panels.Count, panels.Select(p => (int)p!["id"]!).Distinct().Count());
        foreach (var panel in panels)
        {
            var targets = Assert.IsType<JsonArray>(panel!["targets"]);
            Assert.NotEmpty(targets);
            Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace((string?)t!["expr"]), $"panel {(string?)panel["title"]} has a target without expr"));
            Assert.NotNull(panel["gridPos"]?["w"]);
        }

        var titles = panels.Select(p => ((string)p!["title"]!).ToLowerInvariant()).ToList();
        foreach (var needed in new[] { "error rate", "time to first token", "dead letters", "fallback rate", "tokens per tenant", "cost per tenant" })
        {
            Assert.Contains(titles, t => t.Contains(needed, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void PrometheusRule_has_groups_of_alerts_with_expressions_severities_and_summaries()
    {
        var rule = RepositoryFiles.ReadYamlFile(Rules);

        Assert.Equal("monitoring.coreos.com/v1", (string?)rule["apiVersion"]);
        Assert.Equal("PrometheusRule", (string?)rule["kind"]);
        var groups = Assert.IsType<JsonArray>(rule["spec"]?["groups"]);
        Assert.NotEmpty(groups);
        var alerts = new List<string>();
        foreach (var group in groups)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)group!["name"]));
            var rules = Assert.IsType<JsonArray>(group["rules"]);
            Assert.NotEmpty(rules);
            foreach (var alert in rules)
            {
                alerts.Add((string)alert!["alert"]!);
                Assert.False(string.IsNullOrWhiteSpace((string?)alert["expr"]), $"{alert["alert"]} has no expr");
                Assert.Contains((string?)alert["labels"]?["severity"], new[] { "critical", "warning", "info" });
                Assert.False(string.IsNullOrWhiteSpace((string?)alert["annotations"]?["summary"]));
                if (alert["for"] is { } wait)
                {
                    Assert.Matches("^[0-9]+[smh]$", (string)wait!);
                }
            }
        }

        Assert.Equal(alerts.Count, alerts.Distinct().Count());
        Assert.Contains("RoseHttpErrorRateHigh", alerts);
        Assert.Contains("RoseTimeToFirstTokenSlow", alerts);
        Assert.Contains("RoseDeadLettersGrowing", alerts);
        Assert.Contains("RoseLlmFallbackRateHigh", alerts);
    }

    [Fact]
    public void Dashboard_and_alerts_query_only_metrics_the_code_creates()
    {
        var created = PrometheusNamesOfInstrumentsInCode();
        Assert.Contains("rose_chat_time_to_first_token_seconds_bucket", created);

        var expressions = DashboardExpressions().Concat(RuleExpressions()).ToList();
        // Label names (in matchers and by/without lists) are not metrics: taken out first.
        var queried = expressions
            .Select(e => LabelMatchers().Replace(Grouping().Replace(e, " "), "{}"))
            .SelectMany(e => MetricName().Matches(e).Select(m => m.Value))
            .ToHashSet();

        Assert.NotEmpty(queried);
        var unknown = queried.Where(n => !created.Contains(n) && !LibraryMetrics.Contains(n)).Order().ToList();
        Assert.True(unknown.Count == 0, $"queried but never created: {string.Join(", ", unknown)}");
    }

    /// <summary>
    /// The Prometheus names of every instrument created in <c>apps/</c>, as OpenTelemetry's Prometheus
    /// exporters derive them: dots to underscores, unit <c>s</c> as <c>_seconds</c>, annotations in braces
    /// dropped, counters with <c>_total</c>, histograms as <c>_bucket</c>, <c>_sum</c> and <c>_count</c>.
    /// </summary>
    private static HashSet<string> PrometheusNamesOfInstrumentsInCode()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf("apps"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match match in InstrumentCreation().Matches(File.ReadAllText(file)))
            {
                var kind = match.Groups["kind"].Value;
                var unit = match.Groups["unit"].Value;
                var baseName = match.Groups["name"].Value.Replace('.', '_') + unit switch
                {
                    "s" => "_seconds",
                    "ms" => "_milliseconds",
                    "By" => "_bytes",
                    _ when unit.Length == 0 || unit.StartsWith('{') => string.Empty,
                    _ => "_" + unit,
                };
                if (kind.Contains("Counter", StringComparison.Ordinal) && !kind.Contains("UpDown", StringComparison.Ordinal))
                {
                    names.Add(baseName + "_total");
                }
                else if (kind == "Histogram")
                {
                    names.UnionWith([baseName + "_bucket", baseName + "_sum", baseName + "_count"]);
                }
                else
                {
                    names.Add(baseName);
                }
            }
        }

        return names;
    }

    private static IEnumerable<string> DashboardExpressions() =>
        ((JsonArray)JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(Dashboard)))!["panels"]!)
            .SelectMany(p => (JsonArray)p!["targets"]!)
            .Select(t => (string)t!["expr"]!);

    private static IEnumerable<string> RuleExpressions() =>
        ((JsonArray)RepositoryFiles.ReadYamlFile(Rules)["spec"]!["groups"]!)
            .SelectMany(g => (JsonArray)g!["rules"]!)
            .Select(r => (string)r!["expr"]!);

    [GeneratedRegex(@"Create(?<kind>Counter|Histogram|UpDownCounter|Gauge|ObservableGauge|ObservableCounter|ObservableUpDownCounter)(?:<\w+>)?\(\s*""(?<name>[a-z0-9_.]+)""\s*,\s*(?:\(\)\s*=>[^,]+,\s*)?""(?<unit>[^""]*)""")]
    private static partial Regex InstrumentCreation();

    [GeneratedRegex(@"\b(?:rose|http)_[a-z0-9_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"\b(?:by|without)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();
}

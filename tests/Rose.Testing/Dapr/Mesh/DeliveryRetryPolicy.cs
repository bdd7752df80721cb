using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// The inbound retry policy daprd applies to event delivery (a resiliency <c>retries</c> entry targeted
/// by <c>targets.components.{pubsub}.inbound.retry</c>). Defaults are dapr/kit <c>retry.Config</c>'s:
/// constant 5 s; exponential from 500 ms, ×1.5, capped at 60 s. Unlike daprd the mesh does not
/// randomise the exponential interval, so tests are repeatable. <see cref="MaxRetries"/> counts retries,
/// not attempts: 2 means three deliveries.
/// </summary>
public sealed record DeliveryRetryPolicy(
    RetryPolicyKind Policy,
    int MaxRetries,
    TimeSpan Duration,
    TimeSpan InitialInterval,
    TimeSpan MaxInterval)
{
    public static DeliveryRetryPolicy Constant(TimeSpan duration, int maxRetries) =>
        new(RetryPolicyKind.Constant, maxRetries, duration, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60));

    public static DeliveryRetryPolicy Exponential(TimeSpan initialInterval, TimeSpan maxInterval, int maxRetries) =>
        new(RetryPolicyKind.Exponential, maxRetries, TimeSpan.FromSeconds(5), initialInterval, maxInterval);

    /// <summary>The mesh's default: three quick retries, so that a test of failure does not wait for daprd's real intervals.</summary>
    public static DeliveryRetryPolicy FastForTests { get; } = Constant(TimeSpan.FromMilliseconds(20), 3);

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        if (Policy == RetryPolicyKind.Constant)
        {
            return Duration;
        }

        var interval = InitialInterval.TotalMilliseconds * Math.Pow(1.5, retry - 1);
        return TimeSpan.FromMilliseconds(Math.Min(interval, MaxInterval.TotalMilliseconds));
    }

    /// <summary>
    /// Reads the inbound retry policy of <paramref name="pubSubName"/> from a Dapr <c>Resiliency</c> file
    /// (e.g. Rose's <c>components/resiliency.yaml</c>); null when the file targets none.
    /// </summary>
    public static DeliveryRetryPolicy? FromResiliencyFile(string path, string pubSubName)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }

        var spec = Child(yaml.Documents[0].RootNode, "spec");
        var retryName = Scalar(Child(Child(Child(Child(Child(spec, "targets"), "components"), pubSubName), "inbound"), "retry"));
        if (retryName is null)
        {
            return null;
        }

        var retry = Child(Child(Child(spec, "policies"), "retries"), retryName)
            ?? throw new InvalidOperationException($"{path}: retry policy '{retryName}' is targeted but not defined.");
        var kind = string.Equals(Scalar(Child(retry, "policy")), "exponential", StringComparison.OrdinalIgnoreCase) ? RetryPolicyKind.Exponential : RetryPolicyKind.Constant;
        var maxRetries = int.Parse(Scalar(Child(retry, "maxRetries")) ?? "-1", CultureInfo.InvariantCulture);
        return new DeliveryRetryPolicy(
            kind,
            maxRetries,
            GoDuration(Scalar(Child(retry, "duration"))) ?? TimeSpan.FromSeconds(5),
            GoDuration(Scalar(Child(retry, "initialInterval"))) ?? TimeSpan.FromMilliseconds(500),
            GoDuration(Scalar(Child(retry, "maxInterval"))) ?? TimeSpan.FromSeconds(60));
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>Go's <c>time.ParseDuration</c> for the units resiliency files use (ms, s, m, h).</summary>
    internal static TimeSpan? GoDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var total = TimeSpan.Zero;
        var match = System.Text.RegularExpressions.Regex.Matches(text, @"(\d+(?:\.\d+)?)(ms|s|m|h)");
        if (match.Count == 0)
        {
            throw new FormatException($"'{text}' is not a Go duration.");
        }

        foreach (System.Text.RegularExpressions.Match part in match)
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }

        return total;
    }
}

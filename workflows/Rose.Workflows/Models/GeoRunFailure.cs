using Rose.Geo.Runs;

namespace Rose.Workflows.Models;

/// <summary>The input of the activity that marks a run failed.</summary>
public sealed record GeoRunFailure(GeoRunRef Run, string Reason);

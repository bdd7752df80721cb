using Rose.Geo.Runs;
using Rose.Geo.Site;

namespace Rose.Workflows.Models;

/// <summary>The input of the activity that records a publish: the run and what the publisher answered.</summary>
public sealed record GeoPublicationRecord(GeoRunRef Run, GeoPublishOutcome Outcome);

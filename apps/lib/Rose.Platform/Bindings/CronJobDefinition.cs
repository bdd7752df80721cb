namespace Rose.Platform.Bindings;

/// <summary>
/// A job's name (the Dapr binding name and the route it POSTs to) and its schedule, in the
/// six-field form with seconds that both Dapr's cron binding and Cronos read.
/// </summary>
public sealed record CronJobDefinition(string Name, string Schedule);

namespace Rose.Platform.Bindings;

/// <summary>
/// A job's name (the Dapr binding name and the route it POSTs to), its schedule in the six-field
/// form with seconds that both Dapr's cron binding and Cronos read, and the one app-id whose
/// sidecar triggers it (on Dapr only that app's sidecar loads the binding).
/// A job is declared by the module that owns it, next to the job.
/// </summary>
public sealed record CronJobDefinition(string Name, string Schedule, string RunBy);

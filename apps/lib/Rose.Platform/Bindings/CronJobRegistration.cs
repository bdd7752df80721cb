namespace Rose.Platform.Bindings;

/// <summary>One job this app runs: its definition and the <see cref="ICronJob"/> class.</summary>
public sealed record CronJobRegistration(CronJobDefinition Definition, Type JobType);

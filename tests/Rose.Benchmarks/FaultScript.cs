namespace Rose.Benchmarks;

/// <summary>
/// One scripted fault: its name, how long it lasts, how to break and restore it, and how long the load
/// goes on after the restore before the next one (the recovery window). <see cref="StorageDown"/>:
/// visitors may get clear refusals while it lasts; otherwise the widget must keep answering.
/// </summary>
internal sealed record FaultScript(
    string Name, TimeSpan Lasts, TimeSpan Settle, Func<RoseUnderLoad, Task> Break, Func<RoseUnderLoad, Task> Restore, bool StorageDown, bool HostDown = false);

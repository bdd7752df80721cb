namespace Rose.Benchmarks;

/// <summary>When a fault ran on the load's clock (seconds): broken at <see cref="From"/>, restored at <see cref="RestoredAt"/>, window closed at <see cref="To"/>.</summary>
internal sealed record FaultWindow(FaultScript Fault, double From, double RestoredAt, double To, string Note);

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rose.Platform.Embedded;

/// <summary>
/// Expired state rows already read as missing; this deletes them hourly so <c>platform.db</c> does
/// not grow with every idempotency record and session (Redis does this itself on Dapr).
/// </summary>
public sealed class ExpiredStateSweeper(SqliteStateStore state, TimeProvider time, ILogger<ExpiredStateSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                var deleted = await state.DeleteExpiredAsync(stoppingToken);
                logger.LogDebug("Deleted {Count} expired state entries.", deleted);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not delete expired state entries; trying again in {Every}.", Every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

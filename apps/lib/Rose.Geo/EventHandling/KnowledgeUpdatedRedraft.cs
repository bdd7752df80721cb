using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rose.Geo.Data;
using Rose.Geo.Runs;
using Rose.Knowledge.Events;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Geo.EventHandling;

/// <summary>
/// On <c>knowledge.updated</c>, starts a run that drafts again only the published pages citing the
/// changed document (none: nothing to do). The event travels on the broadcast component, so every
/// worker replica receives it: the run is named after the event, and only the first replica to
/// write its row starts it.
/// </summary>
public sealed class KnowledgeUpdatedRedraft(GeoDbContext db, GeoRuns runs, ICurrentTenant currentTenant, ILogger<KnowledgeUpdatedRedraft> logger)
    : IIntegrationEventHandler<KnowledgeUpdated>
{
    public async Task HandleAsync(KnowledgeUpdated integrationEvent, CancellationToken cancellationToken)
    {
        using (currentTenant.Use(integrationEvent.TenantId))
        {
            var published = await db.Pages.AsNoTracking().Where(p => p.State == GeoPageStates.Published).ToListAsync(cancellationToken);
            if (!published.Any(p => p.Citations.Any(c => c.DocumentId == integrationEvent.DocumentId)))
            {
                return;
            }

            var runId = await runs.StartAsync(GeoRunTriggers.KnowledgeUpdated, integrationEvent.DocumentId, $"geo-kb-{integrationEvent.Id:N}", cancellationToken);
            if (runId is not null)
            {
                logger.LogInformation("GEO run {RunId} redrafts the pages citing {DocumentId}", runId, integrationEvent.DocumentId);
            }
        }
    }
}

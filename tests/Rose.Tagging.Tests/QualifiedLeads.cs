using System.Collections.Concurrent;
using Rose.Platform.PubSub;
using Rose.Tagging.Events;

namespace Rose.Tagging.Tests;

/// <summary>What <see cref="QualifiedLeadRecorder"/> received: a stand-in for the CRM sync that will consume <c>lead.qualified</c>.</summary>
public sealed class QualifiedLeads
{
    public ConcurrentQueue<LeadQualified> Received { get; } = new();
}

/// <summary>Subscribes to <c>lead.qualified</c> in the test host, so the tests see what the runtime delivers.</summary>
public sealed class QualifiedLeadRecorder(QualifiedLeads leads) : IIntegrationEventHandler<LeadQualified>
{
    public Task HandleAsync(LeadQualified integrationEvent, CancellationToken cancellationToken)
    {
        leads.Received.Enqueue(integrationEvent);
        return Task.CompletedTask;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Chat.Reports;
using Rose.Crm.Linear.Client;
using Rose.Crm.Linear.Connections;
using Rose.Crm.Linear.Data;

namespace Rose.Crm.Linear.Tickets;

/// <summary>
/// Makes a Linear ticket from a conversation, once: the issue links to the transcript, and the
/// conversation keeps the issue's id, identifier and URL, so the transcript page shows the ticket and
/// a second click makes nothing. The issue id is Rose's (sent in <c>issueCreate</c>'s input) and stored
/// before the call, so asking again after a failure or a lost answer reuses it.
/// </summary>
public sealed class LinearTickets(
    LinearDbContext db,
    LinearConnections connections,
    LinearClient client,
    ConversationReports reports,
    IOptions<LinearOptions> options,
    TimeProvider clock,
    ILogger<LinearTickets> logger)
{
    /// <summary>The conversation's ticket, or null when none was made (or its creation did not finish).</summary>
    public async Task<LinearIssueView?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var link = await db.Issues.AsNoTracking().FirstOrDefaultAsync(i => i.ConversationId == conversationId, cancellationToken);
        return View(link);
    }

    public async Task<LinearTicketResult> CreateAsync(string conversationId, CancellationToken cancellationToken)
    {
        var transcript = await reports.FindAsync(conversationId, cancellationToken);
        if (transcript is null)
        {
            return new LinearTicketResult(LinearTicketOutcome.ConversationNotFound);
        }

        var link = await db.Issues.FirstOrDefaultAsync(i => i.ConversationId == conversationId, cancellationToken);
        if (View(link) is { } existing)
        {
            return new LinearTicketResult(LinearTicketOutcome.AlreadyCreated, existing);
        }

        var access = await connections.GetAccessAsync(cancellationToken);
        if (access is null)
        {
            return new LinearTicketResult(LinearTicketOutcome.NotConnected);
        }

        if (link is null)
        {
            link = new LinearIssueLink { ConversationId = conversationId, IssueId = Guid.NewGuid().ToString(), CreatedAt = clock.GetUtcNow() };
            db.Issues.Add(link);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another click claimed the conversation at the same moment: its issue id is the one to use.
                db.ChangeTracker.Clear();
                link = await db.Issues.FirstAsync(i => i.ConversationId == conversationId, cancellationToken);
                if (View(link) is { } raced)
                {
                    return new LinearTicketResult(LinearTicketOutcome.AlreadyCreated, raced);
                }
            }
        }

        var transcriptUrl = new Uri(options.Value.BackofficeUrl, $"backoffice/conversations/{Uri.EscapeDataString(conversationId)}").ToString();
        LinearIssue issue;
        try
        {
            issue = await client.CreateIssueAsync(access.ApiKey,
                new LinearIssueInput(link.IssueId, access.TeamId, LinearIssueDescription.Title(transcript), LinearIssueDescription.Markdown(transcript, transcriptUrl)),
                cancellationToken);
        }
        catch (LinearApiException e)
        {
            logger.LogWarning("Linear refused the ticket of conversation {ConversationId}: {Failure}", conversationId, e.Failure);
            return new LinearTicketResult(LinearTicketOutcome.Failed, Error: e);
        }

        link.IssueId = issue.Id;
        link.Identifier = issue.Identifier;
        link.Url = issue.Url;
        link.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Linear issue {Identifier} made from conversation {ConversationId}", issue.Identifier, conversationId);
        return new LinearTicketResult(LinearTicketOutcome.Created, View(link));
    }

    private static LinearIssueView? View(LinearIssueLink? link) =>
        link is { Identifier: { } identifier, Url: { } url }
            ? new LinearIssueView(link.ConversationId, link.IssueId, identifier, url, link.CreatedAt)
            : null;
}

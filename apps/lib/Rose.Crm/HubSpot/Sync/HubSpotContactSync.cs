using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Crm.HubSpot.Client;
using Rose.Crm.HubSpot.Connections;
using Rose.Crm.HubSpot.Data;
using Rose.Storage;

namespace Rose.Crm.HubSpot.Sync;

/// <summary>
/// Pushes the current tenant's leads to its portal: the contact upserted by e-mail with Rose's
/// properties, its company found by domain (search, then create or update), the two associated, and a
/// note with the conversation's summary, score factors and transcript link. Idempotent: the contact is
/// keyed by e-mail in HubSpot and the note by its cause here, so the same event twice makes one contact
/// and one note. A failure after the HTTP retries is recorded (<see cref="HubSpotSyncFailure"/>) for a replay.
/// </summary>
public sealed class HubSpotContactSync(
    HubSpotDbContext db,
    HubSpotConnections connections,
    HubSpotLeadReader reader,
    HubSpotClient client,
    HubSpotTokenProtector protector,
    IOptions<HubSpotOptions> options,
    ICurrentTenant currentTenant,
    TimeProvider clock,
    ILogger<HubSpotContactSync> logger)
{
    public async Task<HubSpotPushOutcome> PushAsync(HubSpotPushKind kind, string sourceId, CancellationToken cancellationToken)
    {
        if (kind == HubSpotPushKind.GdprDelete)
        {
            throw new ArgumentException("A GDPR delete is pushed with its e-mail: use GdprDeleteAsync.", nameof(kind));
        }

        if (!await db.Connections.AnyAsync(cancellationToken))
        {
            return HubSpotPushOutcome.NotConnected;
        }

        var lead = kind == HubSpotPushKind.LeadCaptured
            ? await reader.FromCapturedAsync(sourceId, cancellationToken)
            : await reader.FromQualifiedAsync(sourceId, cancellationToken);
        if (lead is null)
        {
            await ClearFailureAsync(kind, sourceId, cancellationToken);
            return HubSpotPushOutcome.Skipped;
        }

        return await RunAsync(kind, sourceId, null, access => PushLeadAsync(access, kind, sourceId, lead, cancellationToken), cancellationToken);
    }

    /// <summary>Asks HubSpot to GDPR-delete the contact with <paramref name="email"/>, when the tenant turned it on.</summary>
    public async Task<HubSpotPushOutcome> GdprDeleteAsync(string email, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (connection is null || !connection.GdprDeleteOnErasure)
        {
            return HubSpotPushOutcome.NotConnected;
        }

        var normalized = email.Trim().ToLowerInvariant();
        return await RunAsync(HubSpotPushKind.GdprDelete, EmailDigest(normalized), normalized, async access =>
        {
            await client.GdprDeleteContactAsync(access, normalized, cancellationToken);
            await db.Contacts.Where(c => c.Email == normalized).ExecuteDeleteAsync(cancellationToken);
            return HubSpotPushOutcome.Pushed;
        }, cancellationToken);
    }

    /// <summary>Pushes again what failed before (the Integrations page, or the incremental sync job); a success removes the failure.</summary>
    public async Task<HubSpotPushOutcome> ReplayAsync(string failureId, CancellationToken cancellationToken)
    {
        var failure = await db.Failures.AsNoTracking().FirstOrDefaultAsync(f => f.Id == failureId, cancellationToken);
        if (failure is null)
        {
            return HubSpotPushOutcome.Skipped;
        }

        if (failure.Kind != HubSpotPushKind.GdprDelete)
        {
            return await PushAsync(failure.Kind, failure.SourceId, cancellationToken);
        }

        var email = failure.ProtectedEmail is null ? null : protector.Unprotect(currentTenant.TenantId!, failure.ProtectedEmail);
        if (email is null)
        {
            await ClearFailureAsync(failure.Kind, failure.SourceId, cancellationToken);
            return HubSpotPushOutcome.Skipped;
        }

        return await GdprDeleteAsync(email, cancellationToken);
    }

    public static string EmailDigest(string email) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..32];

    private async Task<HubSpotPushOutcome> RunAsync(
        HubSpotPushKind kind, string sourceId, string? email, Func<HubSpotAccess, Task<HubSpotPushOutcome>> push, CancellationToken cancellationToken)
    {
        try
        {
            var access = await connections.GetAccessAsync(forceRefresh: false, cancellationToken);
            if (access is null)
            {
                throw new HubSpotApiException(HttpStatusCode.Unauthorized, "The HubSpot connection has no usable token: connect again.");
            }

            HubSpotPushOutcome outcome;
            try
            {
                outcome = await push(access);
            }
            catch (HubSpotApiException e) when (e.IsUnauthorized)
            {
                // An OAuth token revoked or expired early: one renewal, one more try.
                var renewed = await connections.GetAccessAsync(forceRefresh: true, cancellationToken)
                    ?? throw new HubSpotApiException(e.StatusCode, "HubSpot refused the token and it cannot be renewed: connect again.", e);
                outcome = await push(renewed);
            }

            await ClearFailureAsync(kind, sourceId, cancellationToken);
            return outcome;
        }
        catch (HubSpotApiException e)
        {
            logger.LogWarning("HubSpot push {Kind} {SourceId} of {TenantId} failed: {Error}", kind, sourceId, currentTenant.TenantId, e.Message);
            await RecordFailureAsync(kind, sourceId, email, e.Message, cancellationToken);
            return HubSpotPushOutcome.Failed;
        }
    }

    private async Task<HubSpotPushOutcome> PushLeadAsync(HubSpotAccess access, HubSpotPushKind kind, string sourceId, HubSpotLead lead, CancellationToken cancellationToken)
    {
        var known = await db.Contacts.FirstOrDefaultAsync(c => c.Email == lead.Email, cancellationToken);
        if (known is { Deleted: true })
        {
            // HubSpot's team deleted this contact; pushing would bring it back.
            logger.LogInformation("Lead {SourceId} of {TenantId} not pushed: its HubSpot contact was deleted there", sourceId, currentTenant.TenantId);
            return HubSpotPushOutcome.Skipped;
        }

        var ids = await client.UpsertContactsAsync(access, [new HubSpotContactInput(lead.Email, ContactProperties(lead))], cancellationToken);
        if (!ids.TryGetValue(lead.Email, out var contactId))
        {
            throw new HubSpotApiException(null, "HubSpot's upsert answered without the contact.");
        }

        string? companyId = null;
        if (lead.CompanyDomain is { } domain)
        {
            companyId = await UpsertCompanyAsync(access, domain, lead.CompanyName, cancellationToken);
            await client.AssociateContactsWithCompaniesAsync(access, [(contactId, companyId)], cancellationToken);
        }

        var now = clock.GetUtcNow();
        if (known is null || known.ContactId != contactId)
        {
            if (known is not null)
            {
                db.Contacts.Remove(known);
            }

            known = await db.Contacts.FirstOrDefaultAsync(c => c.ContactId == contactId, cancellationToken);
            if (known is null)
            {
                known = new HubSpotContactLink { ContactId = contactId };
                db.Contacts.Add(known);
            }
        }

        known.Email = lead.Email;
        known.CompanyId = companyId ?? known.CompanyId;
        known.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        var sourceKey = (kind == HubSpotPushKind.LeadCaptured ? "captured:" : "qualified:") + sourceId;
        if (!await db.Notes.AnyAsync(n => n.SourceKey == sourceKey, cancellationToken))
        {
            var noteIds = await client.CreateNotesAsync(access, [(contactId, NoteBody(kind, lead), now)], cancellationToken);
            db.Notes.Add(new HubSpotPushedNote { SourceKey = sourceKey, NoteId = noteIds.Count > 0 ? noteIds[0] : string.Empty, CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        return HubSpotPushOutcome.Pushed;
    }

    /// <summary><c>domain</c> is not unique in HubSpot, so it cannot be an upsert key: search, then update the first match or create.</summary>
    private async Task<string> UpsertCompanyAsync(HubSpotAccess access, string domain, string? name, CancellationToken cancellationToken)
    {
        var found = await client.FindCompaniesByDomainAsync(access, domain, cancellationToken);
        var now = clock.GetUtcNow();
        string companyId;
        if (found.Count > 0)
        {
            var company = found.OrderBy(c => long.TryParse(c.Id, out var id) ? id : long.MaxValue).First();
            companyId = company.Id;
            // The sales team's own name wins; Rose only fills a blank one.
            if (name is not null && string.IsNullOrWhiteSpace(company.Property("name")))
            {
                await client.UpdateCompaniesAsync(access, [(company.Id, new Dictionary<string, string> { ["name"] = name })], cancellationToken);
            }
        }
        else
        {
            var properties = new Dictionary<string, string> { ["domain"] = domain };
            if (name is not null)
            {
                properties["name"] = name;
            }

            var created = await client.CreateCompaniesAsync(access, [properties], cancellationToken);
            companyId = (created.Count > 0 ? created[0].Id : null) ?? throw new HubSpotApiException(null, "HubSpot's company create answered without the company.");
        }

        var link = await db.Companies.FirstOrDefaultAsync(c => c.CompanyId == companyId, cancellationToken);
        if (link is null)
        {
            link = new HubSpotCompanyLink { CompanyId = companyId };
            db.Companies.Add(link);
        }

        link.Domain = domain;
        link.Name = name ?? link.Name;
        link.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return companyId;
    }

    private Dictionary<string, string> ContactProperties(HubSpotLead lead)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (lead.Name is { Length: > 0 } name)
        {
            var space = name.Trim().IndexOf(' ', StringComparison.Ordinal);
            properties["firstname"] = space < 0 ? name.Trim() : name.Trim()[..space];
            if (space > 0)
            {
                properties["lastname"] = name.Trim()[(space + 1)..].Trim();
            }
        }

        if (lead.CompanyName is { } company)
        {
            properties["company"] = company;
        }

        if (lead.Score is { } score)
        {
            properties[RoseContactProperties.LeadScore] = score.ToString(CultureInfo.InvariantCulture);
        }

        if (lead.Intent is { Length: > 0 } intent)
        {
            properties[RoseContactProperties.Intent] = intent;
        }

        if (lead.Stage is { Length: > 0 } stage)
        {
            properties[RoseContactProperties.Stage] = stage;
        }

        if (lead.ConversationId is { } conversationId)
        {
            properties[RoseContactProperties.LastConversationUrl] = TranscriptUrl(conversationId);
        }

        if (lead.FirstQuestion is { Length: > 0 } question)
        {
            properties[RoseContactProperties.FirstQuestion] = question.Length > 1000 ? question[..1000] : question;
        }

        return properties;
    }

    private string TranscriptUrl(string conversationId) =>
        new Uri(options.Value.BackofficeUrl, $"backoffice/conversations/{Uri.EscapeDataString(conversationId)}").ToString();

    private string NoteBody(HubSpotPushKind kind, HubSpotLead lead)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p><strong>{(kind == HubSpotPushKind.LeadCaptured ? "Rose: the visitor left their e-mail" : "Rose: hot lead")}</strong></p>");
        if (lead.FirstQuestion is { Length: > 0 } question)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>First question: {WebUtility.HtmlEncode(question)}</p>");
        }

        if (lead.Score is { } score)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Score {score}/100 · intent {WebUtility.HtmlEncode(lead.Intent)} · stage {WebUtility.HtmlEncode(lead.Stage)}</p>");
        }

        if (lead.Factors.Count > 0)
        {
            html.Append("<ul>");
            foreach (var factor in lead.Factors)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{(factor.Points >= 0 ? "+" : string.Empty)}{factor.Points}: {WebUtility.HtmlEncode(factor.Reason)}</li>");
            }

            html.Append("</ul>");
        }

        if (lead.ConversationId is { } conversationId)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{WebUtility.HtmlEncode(TranscriptUrl(conversationId))}\">The conversation in Rose</a></p>");
        }

        return html.ToString();
    }

    private async Task RecordFailureAsync(HubSpotPushKind kind, string sourceId, string? email, string error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var failure = await db.Failures.FirstOrDefaultAsync(f => f.Kind == kind && f.SourceId == sourceId, cancellationToken);
        if (failure is null)
        {
            failure = new HubSpotSyncFailure
            {
                Id = Guid.NewGuid().ToString("N"),
                Kind = kind,
                SourceId = sourceId,
                ProtectedEmail = email is null ? null : protector.Protect(currentTenant.TenantId!, email),
                FirstFailedAt = now,
            };
            db.Failures.Add(failure);
        }

        failure.Attempts++;
        failure.Error = error.Length > 1000 ? error[..1000] : error;
        failure.LastFailedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ClearFailureAsync(HubSpotPushKind kind, string sourceId, CancellationToken cancellationToken) =>
        await db.Failures.Where(f => f.Kind == kind && f.SourceId == sourceId).ExecuteDeleteAsync(cancellationToken);
}

namespace Rose.Crm.HubSpot.Api;

/// <summary>A push that failed after its retries, waiting for a replay.</summary>
/// <param name="Kind"><c>lead-captured</c>, <c>lead-qualified</c> or <c>gdpr-delete</c>.</param>
/// <param name="SourceId">The lead id, the conversation id, or (GDPR delete) a digest of the address, never the address.</param>
public sealed record HubSpotFailureView(string Id, string Kind, string SourceId, string Error, int Attempts, DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt);

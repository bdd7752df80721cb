namespace Rose.Crm.Linear.Api;

/// <summary>The body of <c>PUT /api/v1/integrations/linear</c>: a personal API key and the team (its id or key) that tickets go to.</summary>
public sealed record LinearConnectRequest(string? ApiKey, string? TeamId);

namespace Rose.Crm.Linear.Client;

/// <summary>The fields of Linear's <c>IssueCreateInput</c> that Rose sets; <see cref="Id"/> is chosen by Rose (UUID v4) so a retry cannot make a second issue.</summary>
public sealed record LinearIssueInput(string Id, string TeamId, string Title, string Description);

namespace Rose.Crm.Linear.Client;

/// <summary>An issue as <c>issueCreate</c> answers it: Linear's id, its identifier (<c>ENG-123</c>) and its web address.</summary>
public sealed record LinearIssue(string Id, string Identifier, string Url);

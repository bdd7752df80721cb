namespace Rose.Knowledge.Endpoints;

/// <summary>Body of <c>POST /api/v1/knowledge/sources/google-drive</c>: the folder to load, and an OAuth access token for it.</summary>
public sealed record GoogleDriveRequest(string? FolderId, string? AccessToken);

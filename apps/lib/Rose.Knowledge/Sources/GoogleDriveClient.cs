using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Parsing;

namespace Rose.Knowledge.Sources;

/// <summary>
/// A client of the Google Drive v3 REST API: lists a folder (<c>files.list</c>, paged), downloads
/// files (<c>alt=media</c>) and exports Google Docs as HTML, which keeps their headings.
/// </summary>
public sealed class GoogleDriveClient(HttpClient http, IOptions<GoogleDriveOptions> options, IOptions<KnowledgeOptions> knowledge)
{
    public async Task<IReadOnlyList<GoogleDriveFile>> ListFolderAsync(string folderId, string accessToken, CancellationToken cancellationToken)
    {
        var files = new List<GoogleDriveFile>();
        string? pageToken = null;
        do
        {
            var query = Uri.EscapeDataString($"'{folderId.Replace("'", "\\'", StringComparison.Ordinal)}' in parents and trashed = false");
            var url = $"drive/v3/files?q={query}&fields={Uri.EscapeDataString("nextPageToken,files(id,name,mimeType,webViewLink)")}&pageSize=100"
                + (pageToken is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken));
            using var request = Request(url, accessToken);
            using var response = await http.SendAsync(request, cancellationToken);
            await EnsureSuccessAsync(response, "list the folder");
            var page = await response.Content.ReadFromJsonAsync<FileList>(cancellationToken);
            files.AddRange(page?.Files ?? []);
            pageToken = page?.NextPageToken;
        }
        while (pageToken is not null && files.Count < options.Value.MaxFiles);

        return files.Take(options.Value.MaxFiles).ToList();
    }

    /// <summary>The file's bytes and media type; Google Docs come back as HTML.</summary>
    public async Task<FetchedContent> DownloadAsync(GoogleDriveFile file, string accessToken, CancellationToken cancellationToken)
    {
        var isGoogleDoc = file.MimeType == GoogleDriveFile.GoogleDocument;
        var url = isGoogleDoc
            ? $"drive/v3/files/{Uri.EscapeDataString(file.Id)}/export?mimeType={Uri.EscapeDataString(DocumentFormats.Html)}"
            : $"drive/v3/files/{Uri.EscapeDataString(file.Id)}?alt=media";
        using var request = Request(url, accessToken);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, $"download '{file.Name}'");
        var limit = knowledge.Value.MaxDocumentBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new DocumentRejectedException($"'{file.Name}' is larger than the limit of {limit / 1024} KB.");
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new FetchedContent(bytes, isGoogleDoc ? DocumentFormats.Html : file.MimeType, file.Name);
    }

    private HttpRequestMessage Request(string relative, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Value.BaseUrl, relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var reason = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "the access token is invalid or expired",
            HttpStatusCode.Forbidden => "the account has no access to it",
            HttpStatusCode.NotFound => "it does not exist",
            _ => $"Drive answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}",
        };
        throw new DocumentRejectedException($"Google Drive: could not {what}, {reason}.");
    }

    private sealed record FileList(
        [property: JsonPropertyName("files")] List<GoogleDriveFile>? Files,
        [property: JsonPropertyName("nextPageToken")] string? NextPageToken);
}

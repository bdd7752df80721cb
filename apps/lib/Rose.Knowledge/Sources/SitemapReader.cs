using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Parsing;

namespace Rose.Knowledge.Sources;

/// <summary>Reads a sitemap (or a sitemap index, one level deep) into the page URLs of the same host.</summary>
public sealed class SitemapReader(WebPageFetcher fetcher, IOptions<KnowledgeOptions> options)
{
    public async Task<IReadOnlyList<Uri>> ReadAsync(Uri sitemap, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxSitemapUrls;
        var pages = new List<Uri>();
        var pending = new Queue<(Uri Url, int Depth)>([(sitemap, 0)]);
        while (pending.Count > 0 && pages.Count < limit)
        {
            var (url, depth) = pending.Dequeue();
            var fetched = await fetcher.FetchAsync(url, cancellationToken);
            XDocument xml;
            try
            {
                xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(fetched.Content));
            }
            catch (System.Xml.XmlException e)
            {
                throw new DocumentRejectedException($"{url} is not a valid sitemap ({e.Message}).", e);
            }

            var isIndex = xml.Root?.Name.LocalName == "sitemapindex";
            foreach (var loc in xml.Descendants().Where(e => e.Name.LocalName == "loc"))
            {
                if (!Uri.TryCreate(loc.Value.Trim(), UriKind.Absolute, out var found)
                    || !string.Equals(found.Host, sitemap.Host, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (isIndex)
                {
                    if (depth == 0)
                    {
                        pending.Enqueue((found, 1));
                    }
                }
                else if (pages.Count < limit && !pages.Contains(found))
                {
                    pages.Add(found);
                }
            }
        }

        return pages;
    }
}

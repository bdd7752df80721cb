using System.Text;
using HtmlAgilityPack;

namespace Rose.Knowledge.Parsing;

/// <summary>
/// HTML pages: the main content only (<c>main</c>, <c>article</c>, <c>[role=main]</c>, else the
/// body without navigation, header, footer, asides and scripts), walked into headings,
/// paragraphs, lists, tables and code.
/// </summary>
public sealed class HtmlParser : IDocumentParser
{
    private static readonly HashSet<string> Noise = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "template", "iframe", "button",
    };

    public DocumentFormat Format => DocumentFormat.Html;

    public ParsedDocument Parse(byte[] content, string fallbackTitle)
    {
        var html = new HtmlDocument();
        html.LoadHtml(TextNormalizer.Decode(content));
        var root = html.DocumentNode.SelectSingleNode("//main")
            ?? html.DocumentNode.SelectSingleNode("//article")
            ?? html.DocumentNode.SelectSingleNode("//*[@role='main']")
            ?? html.DocumentNode.SelectSingleNode("//body")
            ?? html.DocumentNode;
        var blocks = new List<ContentBlock>();
        var inline = new StringBuilder();
        Walk(root, blocks, inline);
        FlushInline(blocks, inline);

        var title = TextNormalizer.StripTags(html.DocumentNode.SelectSingleNode("//title")?.InnerHtml ?? string.Empty);
        if (title.Length == 0)
        {
            title = blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading)?.Text ?? fallbackTitle;
        }

        return new ParsedDocument(title, blocks);
    }

    private static void Walk(HtmlNode node, List<ContentBlock> blocks, StringBuilder inline)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == HtmlNodeType.Text)
            {
                inline.Append(HtmlEntity.DeEntitize(child.InnerText)).Append(' ');
                continue;
            }

            if (child.NodeType != HtmlNodeType.Element || Noise.Contains(child.Name))
            {
                continue;
            }

            var name = child.Name.ToLowerInvariant();
            switch (name)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    FlushInline(blocks, inline);
                    Add(blocks, BlockKind.Heading, Text(child), name[1] - '0');
                    break;
                case "p" or "blockquote" or "dd" or "dt" or "figcaption":
                    FlushInline(blocks, inline);
                    Add(blocks, BlockKind.Paragraph, Text(child));
                    break;
                case "ul" or "ol":
                    FlushInline(blocks, inline);
                    Add(blocks, BlockKind.List, ListText(child, name == "ol"));
                    break;
                case "table":
                    FlushInline(blocks, inline);
                    Add(blocks, BlockKind.Table, TableText(child));
                    break;
                case "pre":
                    FlushInline(blocks, inline);
                    Add(blocks, BlockKind.Code, HtmlEntity.DeEntitize(child.InnerText).Trim());
                    break;
                case "br":
                    inline.Append(' ');
                    break;
                case "div" or "section" or "article" or "main" or "dl" or "details" or "summary" or "figure" or "li" or "body":
                    FlushInline(blocks, inline);
                    Walk(child, blocks, inline);
                    FlushInline(blocks, inline);
                    break;
                default:
                    // Inline elements (a, span, strong, code…) continue the current paragraph.
                    Walk(child, blocks, inline);
                    break;
            }
        }
    }

    private static void FlushInline(List<ContentBlock> blocks, StringBuilder inline)
    {
        Add(blocks, BlockKind.Paragraph, TextNormalizer.Collapse(inline.ToString()));
        inline.Clear();
    }

    private static void Add(List<ContentBlock> blocks, BlockKind kind, string text, int level = 0)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            blocks.Add(new ContentBlock(kind, text, level));
        }
    }

    private static string Text(HtmlNode node) => TextNormalizer.Collapse(HtmlEntity.DeEntitize(node.InnerText));

    private static string ListText(HtmlNode list, bool ordered)
    {
        var builder = new StringBuilder();
        var number = 1;
        foreach (var item in list.ChildNodes.Where(n => n.Name == "li"))
        {
            builder.Append(ordered ? $"{number++}. " : "- ").AppendLine(Text(item));
        }

        return builder.ToString().TrimEnd();
    }

    private static string TableText(HtmlNode table)
    {
        var builder = new StringBuilder();
        foreach (var row in table.Descendants("tr"))
        {
            var cells = row.ChildNodes.Where(n => n.Name is "td" or "th").Select(Text);
            builder.AppendLine(string.Join(" | ", cells));
        }

        return builder.ToString().TrimEnd();
    }
}

using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Rose.Knowledge.Parsing;

/// <summary>
/// Markdown (and MDX documentation files) through Markdig's syntax tree, so that headings,
/// lists, tables and code blocks arrive as whole blocks. Front-matter <c>title:</c> names the
/// document; MDX imports and embedded scripts carry no knowledge and are dropped.
/// </summary>
public sealed class MarkdownParser : IDocumentParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    public DocumentFormat Format => DocumentFormat.Markdown;

    public ParsedDocument Parse(byte[] content, string fallbackTitle)
    {
        var text = TextNormalizer.Decode(content);
        var document = Markdown.Parse(text, Pipeline);
        var blocks = new List<ContentBlock>();
        string? title = null;
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock frontMatter)
            {
                title = FrontMatterTitle(frontMatter.Lines.ToString());
                continue;
            }

            AddBlock(block, blocks);
        }

        title ??= blocks.FirstOrDefault(b => b is { Kind: BlockKind.Heading, HeadingLevel: 1 })?.Text;
        return new ParsedDocument(string.IsNullOrWhiteSpace(title) ? fallbackTitle : title, blocks);
    }

    private static void AddBlock(Block block, List<ContentBlock> blocks)
    {
        switch (block)
        {
            case HeadingBlock heading:
                blocks.Add(new ContentBlock(BlockKind.Heading, InlineText(heading.Inline), heading.Level));
                break;
            case ParagraphBlock paragraph:
                var text = InlineText(paragraph.Inline);
                if (!IsMdxImport(text))
                {
                    Add(blocks, BlockKind.Paragraph, text);
                }

                break;
            case ListBlock list:
                var builder = new StringBuilder();
                AppendList(list, builder, 0);
                Add(blocks, BlockKind.List, builder.ToString().TrimEnd());
                break;
            case Table table:
                Add(blocks, BlockKind.Table, TableText(table));
                break;
            case CodeBlock code:
                Add(blocks, BlockKind.Code, code.Lines.ToString().TrimEnd());
                break;
            case HtmlBlock html:
                var raw = html.Lines.ToString();
                if (!IsScaffolding(raw))
                {
                    Add(blocks, BlockKind.Paragraph, TextNormalizer.StripTags(raw));
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AddBlock(child, blocks);
                }

                break;
        }
    }

    private static void Add(List<ContentBlock> blocks, BlockKind kind, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            blocks.Add(new ContentBlock(kind, text));
        }
    }

    private static void AppendList(ListBlock list, StringBuilder builder, int depth)
    {
        var number = 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}." : "-";
            var first = true;
            foreach (var child in item)
            {
                if (child is ListBlock nested)
                {
                    AppendList(nested, builder, depth + 1);
                    continue;
                }

                var text = child switch
                {
                    ParagraphBlock p => InlineText(p.Inline),
                    CodeBlock c => c.Lines.ToString().Trim(),
                    _ => string.Empty,
                };
                if (text.Length == 0)
                {
                    continue;
                }

                builder.Append(' ', depth * 2).Append(first ? marker + " " : "  ").AppendLine(text);
                first = false;
            }
        }
    }

    private static string TableText(Table table)
    {
        var builder = new StringBuilder();
        foreach (var row in table.OfType<TableRow>())
        {
            var cells = row.OfType<TableCell>()
                .Select(cell => string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline))));
            builder.AppendLine(string.Join(" | ", cells));
        }

        return builder.ToString().TrimEnd();
    }

    internal static string InlineText(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        AppendInline(container, builder);
        return TextNormalizer.Collapse(builder.ToString());
    }

    private static void AppendInline(Inline inline, StringBuilder builder)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                break;
            case LinkInline { IsImage: true }:
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendInline(child, builder);
                }

                break;
        }
    }

    private static bool IsMdxImport(string text) =>
        text.StartsWith("import ", StringComparison.Ordinal) && text.Contains(" from ", StringComparison.Ordinal);

    private static bool IsScaffolding(string html)
    {
        var start = html.TrimStart();
        return start.StartsWith("<head", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<script", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<style", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<!--", StringComparison.Ordinal);
    }

    private static string? FrontMatterTitle(string yaml)
    {
        foreach (var line in yaml.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("title:", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed["title:".Length..].Trim().Trim('"', '\'');
            }
        }

        return null;
    }
}

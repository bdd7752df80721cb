using Rose.Chat.Guardrails;

namespace Rose.Chat.Pipeline;

/// <summary>
/// Applies the output rules to a streamed answer without waiting for the end: text is released up
/// to the last space outside a link, tag or image that is still open, so a forbidden URL is never
/// sent in pieces, and the visitor still sees words as they come.
/// </summary>
public sealed class StreamingSanitizer(AnswerSanitizer sanitizer)
{
    private readonly System.Text.StringBuilder pending = new();

    /// <summary>The part of the answer that is safe to send now (possibly empty).</summary>
    public string Push(string delta)
    {
        pending.Append(delta);
        var text = pending.ToString();
        var cut = SafeCut(text);
        if (cut <= 0)
        {
            return string.Empty;
        }

        pending.Remove(0, cut);
        return sanitizer.Clean(text[..cut]);
    }

    /// <summary>Whatever is left at the end of the answer.</summary>
    public string Flush()
    {
        var rest = sanitizer.Clean(pending.ToString());
        pending.Clear();
        return rest;
    }

    private static int SafeCut(string text)
    {
        var depthSquare = 0;
        var inLinkTarget = false;
        var inTag = false;
        var lastSafe = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '[': depthSquare++; break;
                case ']' when depthSquare > 0:
                    depthSquare--;
                    inLinkTarget = i + 1 < text.Length ? text[i + 1] == '(' : true;
                    break;
                case ')' when inLinkTarget: inLinkTarget = false; break;
                case '<': inTag = true; break;
                case '>': inTag = false; break;
                case ' ' or '\n' when depthSquare == 0 && !inLinkTarget && !inTag:
                    lastSafe = i + 1;
                    break;
            }
        }

        return lastSafe;
    }
}

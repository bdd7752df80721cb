using System.Text;
using Rose.Chat.Data;
using Rose.Chat.Reports;

namespace Rose.Crm.Linear.Tickets;

/// <summary>
/// The title and Markdown description of a conversation's ticket: where the visitor came from, an
/// excerpt of the transcript and the link back to it in the backoffice. The visitor's e-mail is not
/// copied into Linear: the transcript link leads to it for those allowed to see it.
/// </summary>
public static class LinearIssueDescription
{
    public const int MaxTitleLength = 120;
    public const int MaxMessages = 12;
    public const int MaxMessageLength = 1500;

    public static string Title(ConversationTranscript transcript)
    {
        var question = transcript.Summary.FirstQuestion?.ReplaceLineEndings(" ").Trim();
        if (string.IsNullOrEmpty(question))
        {
            return $"Rose conversation {transcript.Summary.ConversationId}";
        }

        return question.Length <= MaxTitleLength ? question : question[..(MaxTitleLength - 1)].TrimEnd() + "…";
    }

    public static string Markdown(ConversationTranscript transcript, string transcriptUrl)
    {
        var s = transcript.Summary;
        var text = new StringBuilder();
        text.Append("From a visitor's conversation with Rose: [open the transcript in the backoffice](").Append(transcriptUrl).Append(")\n\n");
        text.Append("- Company: ").Append(Inline(s.VisitorCompany ?? "not identified")).Append('\n');
        text.Append("- Page: ").Append(Inline(s.Page ?? s.Origin ?? "unknown")).Append('\n');
        text.Append("- Started: ").Append(s.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        text.Append("- Messages: ").Append(transcript.Messages.Count).Append(s.Unanswered ? " (some questions had no answer in the knowledge base)" : string.Empty).Append("\n\n");
        text.Append("## Transcript");
        if (transcript.Messages.Count > MaxMessages)
        {
            text.Append(" (first ").Append(MaxMessages).Append(" of ").Append(transcript.Messages.Count).Append(" messages)");
        }

        text.Append("\n\n");
        foreach (var message in transcript.Messages.Take(MaxMessages))
        {
            text.Append("**").Append(message.Role == ConversationMessage.VisitorRole ? "Visitor" : "Rose").Append("**\n\n");
            var body = message.Text.Length <= MaxMessageLength ? message.Text : message.Text[..MaxMessageLength] + "…";
            // Quoted line by line: whatever the visitor typed stays inside its quote.
            foreach (var line in body.ReplaceLineEndings("\n").Split('\n'))
            {
                text.Append("> ").Append(line).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Inline(string value) => value.ReplaceLineEndings(" ");
}

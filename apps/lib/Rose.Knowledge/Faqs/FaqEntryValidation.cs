using Rose.Knowledge.Ingestion;

namespace Rose.Knowledge.Faqs;

/// <summary>What makes an FAQ entry acceptable, per field, for the batch API and the editor alike.</summary>
public static class FaqEntryValidation
{
    /// <summary>Adds the entry's problems to <paramref name="errors"/>, under <paramref name="prefix"/> + the field's name.</summary>
    public static void Check(FaqEntry entry, string prefix, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(entry.Question))
        {
            errors[prefix + "question"] = ["Write the question."];
        }
        else if (entry.Question.Trim().Length > FaqEntry.MaxQuestionLength)
        {
            errors[prefix + "question"] = [$"The question is {entry.Question.Trim().Length} characters long; at most {FaqEntry.MaxQuestionLength} are allowed."];
        }

        if (string.IsNullOrWhiteSpace(entry.Answer))
        {
            errors[prefix + "answer"] = ["Write the answer."];
        }
        else if (entry.Answer.Trim().Length > FaqEntry.MaxAnswerLength)
        {
            errors[prefix + "answer"] = [$"The answer is {entry.Answer.Trim().Length} characters long; at most {FaqEntry.MaxAnswerLength} are allowed."];
        }

        if (!string.IsNullOrWhiteSpace(entry.Url)
            && !(Uri.TryCreate(entry.Url.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            errors[prefix + "url"] = [$"'{entry.Url}' is not an absolute http(s) URL."];
        }

        if (entry.Id is { } id && !FaqKeys.IsValidId(id))
        {
            errors[prefix + "id"] = [$"An FAQ id is 1 to {FaqKeys.MaxIdLength} letters, digits, '-', '_' or '.'."];
        }
    }
}
